using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary><c>GET /api/version</c>; Buddy fills <c>firmware</c> with its own version.</summary>
public sealed record PrusaLinkVersion(
    [property: JsonPropertyName("api")] string? Api,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("firmware")] string? Firmware);
