using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintCurrentConnection(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("port")] string? Port,
    [property: JsonPropertyName("baudrate")] int? Baudrate);
