using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerHeater(
    [property: JsonPropertyName("temperature")] double? Temperature,
    [property: JsonPropertyName("target")] double? Target);
