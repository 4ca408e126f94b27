using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary><c>status_printer</c>: whether the printer is fine and, when not, its own words for what is wrong.</summary>
public sealed record PrusaLinkStatusMessage(
    [property: JsonPropertyName("ok")] bool? Ok,
    [property: JsonPropertyName("message")] string? Message);
