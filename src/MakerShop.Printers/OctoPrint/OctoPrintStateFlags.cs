using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

/// <summary>The flags are what to match on: OctoPrint's state texts are many and "not exhaustive".</summary>
public sealed record OctoPrintStateFlags(
    [property: JsonPropertyName("operational")] bool Operational,
    [property: JsonPropertyName("printing")] bool Printing,
    [property: JsonPropertyName("paused")] bool Paused,
    [property: JsonPropertyName("pausing")] bool Pausing,
    [property: JsonPropertyName("cancelling")] bool Cancelling,
    [property: JsonPropertyName("finishing")] bool Finishing,
    [property: JsonPropertyName("resuming")] bool Resuming,
    [property: JsonPropertyName("error")] bool Error,
    [property: JsonPropertyName("ready")] bool Ready,
    [property: JsonPropertyName("closedOrError")] bool ClosedOrError);
