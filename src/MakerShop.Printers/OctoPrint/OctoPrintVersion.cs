using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintVersion(
    [property: JsonPropertyName("api")] string? Api,
    [property: JsonPropertyName("server")] string? Server,
    [property: JsonPropertyName("text")] string? Text);
