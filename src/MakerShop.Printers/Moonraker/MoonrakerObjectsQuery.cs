using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

/// <summary>The body of <c>POST /printer/objects/query</c>: object name to the attributes wanted from it.</summary>
public sealed record MoonrakerObjectsQuery([property: JsonPropertyName("objects")] IReadOnlyDictionary<string, string[]> Objects)
{
    /// <summary>What the shop reads at every poll: job state and progress, temperatures, and whether Klippy is ready.</summary>
    public static readonly MoonrakerObjectsQuery Status = new(new Dictionary<string, string[]>
    {
        ["webhooks"] = ["state", "state_message"],
        ["print_stats"] = ["filename", "state", "message", "print_duration", "total_duration"],
        ["virtual_sdcard"] = ["progress", "is_active", "file_position", "file_size"],
        ["display_status"] = ["progress", "message"],
        ["extruder"] = ["temperature", "target"],
        ["heater_bed"] = ["temperature", "target"],
    });
}
