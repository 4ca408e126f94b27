using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

/// <summary><c>GET /api/job</c>. <c>progress.completion</c> is a percentage (0–100), and every progress field is null after a cancel.</summary>
public sealed record OctoPrintJobState(
    [property: JsonPropertyName("job")] OctoPrintJob? Job,
    [property: JsonPropertyName("progress")] OctoPrintProgress? Progress,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("error")] string? Error);

public sealed record OctoPrintJob([property: JsonPropertyName("file")] OctoPrintJobFile? File);

public sealed record OctoPrintJobFile(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("size")] long? Size);

public sealed record OctoPrintProgress(
    [property: JsonPropertyName("completion")] double? Completion,
    [property: JsonPropertyName("filepos")] long? FilePos,
    [property: JsonPropertyName("printTime")] double? PrintTime,
    [property: JsonPropertyName("printTimeLeft")] double? PrintTimeLeft);
