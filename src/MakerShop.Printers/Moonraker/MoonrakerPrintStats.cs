using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

/// <summary><c>state</c> is one of standby, printing, paused, complete, error, cancelled; it stays after a print until the next one.</summary>
public sealed record MoonrakerPrintStats(
    [property: JsonPropertyName("filename")] string? Filename,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("print_duration")] double? PrintDuration,
    [property: JsonPropertyName("total_duration")] double? TotalDuration);
