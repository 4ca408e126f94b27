using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Api.Contracts;

/// <summary>A printer with its latest telemetry, for GET /api/printers.</summary>
public sealed record PrinterResponse(
    string Id,
    string Name,
    string Kind,
    string Status,
    string? StatusReason,
    string? CurrentJobId,
    double? Progress,
    int? EtaSeconds,
    IReadOnlyList<HeaterReading> Heaters,
    string LoadedMaterial,
    string LoadedColour,
    BuildVolumeResponse BuildVolume,
    string CountryCode,
    bool InService,
    DateTimeOffset? LastSeenAt,
    string MakerId,
    bool BedClear,
    bool Enclosed,
    bool HardenedNozzle,
    DateTimeOffset UpdatedAt)
{
    public static PrinterResponse From(PrinterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return From(view.Printer, StoredTelemetry(view)) with { Filament = view.Filament };
    }

    /// <summary>The spools the printer says it holds (Bambu Lab's AMS), and what a refused job needed; null when it does not say.</summary>
    public PrinterFilament? Filament { get; init; }

    /// <summary>The readings stored with the printer, decoded once (null when none, or unreadable).</summary>
    public static TelemetryPayload? StoredTelemetry(PrinterView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.TelemetryJson is null
            ? null
            : ContractJson.TryDeserialize<TelemetryPayload>(System.Text.Encoding.UTF8.GetBytes(view.TelemetryJson));
    }

    public static PrinterResponse From(Core.Printer p, TelemetryPayload? telemetry)
    {
        ArgumentNullException.ThrowIfNull(p);
        var sameJob = telemetry is not null && telemetry.JobId == p.CurrentJobId && p.CurrentJobId is not null;
        return new PrinterResponse(
            p.Id, p.Name, p.Kind.ToString(), p.Status.ToString(), p.StatusReason, p.CurrentJobId,
            sameJob ? telemetry!.Progress : null,
            sameJob ? telemetry!.EtaSeconds : null,
            telemetry?.Heaters ?? [],
            p.LoadedMaterial, p.LoadedColour,
            new BuildVolumeResponse(p.BuildVolume.X, p.BuildVolume.Y, p.BuildVolume.Z),
            p.CountryCode, p.InService, p.LastSeenAt, p.MakerId, p.BedClear, p.Enclosed, p.HardenedNozzle, p.UpdatedAt);
    }
}
