using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// The job's file. On a USB stick Buddy may show an 8.3 <c>name</c> ("JOB_3F~1.GCO") beside the long
/// <c>display_name</c>, so the shop reads its job id from the display name first.
/// </summary>
public sealed record PrusaLinkJobFile(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("size")] long? Size);
