using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary><c>GET /api/v1/job</c>: <c>state</c> is PRINTING, PAUSED, FINISHED, STOPPED or ERROR; the id pauses, resumes and stops it.</summary>
public sealed record PrusaLinkJob(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("time_remaining")] double? TimeRemaining,
    [property: JsonPropertyName("file")] PrusaLinkJobFile? File);
