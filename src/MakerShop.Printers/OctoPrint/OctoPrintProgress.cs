using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintProgress(
    [property: JsonPropertyName("completion")] double? Completion,
    [property: JsonPropertyName("filepos")] long? FilePos,
    [property: JsonPropertyName("printTime")] double? PrintTime,
    [property: JsonPropertyName("printTimeLeft")] double? PrintTimeLeft);
