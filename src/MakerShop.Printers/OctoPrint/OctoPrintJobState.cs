using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

/// <summary><c>GET /api/job</c>. <c>progress.completion</c> is a percentage (0–100), and every progress field is null after a cancel.</summary>
public sealed record OctoPrintJobState(
    [property: JsonPropertyName("job")] OctoPrintJob? Job,
    [property: JsonPropertyName("progress")] OctoPrintProgress? Progress,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("error")] string? Error);
