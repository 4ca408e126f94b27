using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintStateBlock(
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("flags")] OctoPrintStateFlags? Flags);
