using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerDisplayStatus(
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("message")] string? Message);
