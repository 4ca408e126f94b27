using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerFileItem(
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("root")] string? Root,
    [property: JsonPropertyName("size")] long? Size);
