using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>A printer with the last telemetry it sent, as stored (JSON of the MQTT contract's telemetry payload).</summary>
public sealed record PrinterView(Printer Printer, string? TelemetryJson)
{
    /// <summary>The spools it last said it holds, as <see cref="PrinterFilamentJson"/> wrote them; null when it never said.</summary>
    public string? FilamentJson { get; init; }

    public PrinterFilament? Filament => PrinterFilamentJson.Read(FilamentJson);
}
