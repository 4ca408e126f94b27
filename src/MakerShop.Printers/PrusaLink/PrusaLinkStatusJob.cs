using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary>The job part of the status: <c>progress</c> is a percentage (0–100), times are seconds.</summary>
public sealed record PrusaLinkStatusJob(
    [property: JsonPropertyName("id")] long? Id,
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("time_remaining")] double? TimeRemaining,
    [property: JsonPropertyName("time_printing")] double? TimePrinting);
