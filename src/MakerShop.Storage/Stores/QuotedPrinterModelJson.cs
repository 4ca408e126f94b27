using System.Text.Json;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The printerModel object of a stored quote document (<c>{"profile", "buildVolume": {"x","y","z"}, "nozzleDiameter"}</c>,
/// as the quote API writes it), as the printer model a job printing that quote's slice needs.
/// </summary>
internal static class QuotedPrinterModelJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static PrinterModel? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<Stored>(json, Json);
        return stored?.BuildVolume is { } v && stored.Profile is { Length: > 0 } profile
            ? new PrinterModel(profile, new Size3(v.X, v.Y, v.Z), stored.NozzleDiameter)
            : null;
    }

    private sealed record Stored(string? Profile, Volume? BuildVolume, double NozzleDiameter);

    private sealed record Volume(double X, double Y, double Z);
}
