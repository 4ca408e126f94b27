using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

/// <summary>The upload's answer: <c>effectivePrint</c> is false when the print could not start (printer busy or not operational).</summary>
public sealed record OctoPrintUploadResult(
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("effectiveSelect")] bool EffectiveSelect,
    [property: JsonPropertyName("effectivePrint")] bool EffectivePrint);
