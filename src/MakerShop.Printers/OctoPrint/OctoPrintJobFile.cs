using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintJobFile(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("size")] long? Size);
