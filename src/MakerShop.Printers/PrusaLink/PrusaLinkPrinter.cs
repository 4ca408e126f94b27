using System.Text.Json.Serialization;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// The printer part of the status. <c>state</c> is one of IDLE, BUSY, PRINTING, PAUSED, FINISHED, STOPPED, ERROR,
/// ATTENTION, READY (see <see cref="PrusaLinkStates"/>).
/// </summary>
public sealed record PrusaLinkPrinter(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("temp_nozzle")] double? TempNozzle,
    [property: JsonPropertyName("target_nozzle")] double? TargetNozzle,
    [property: JsonPropertyName("temp_bed")] double? TempBed,
    [property: JsonPropertyName("target_bed")] double? TargetBed,
    [property: JsonPropertyName("status_printer")] PrusaLinkStatusMessage? StatusPrinter);
