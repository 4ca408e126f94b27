using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintPrinterState(
    [property: JsonPropertyName("state")] OctoPrintStateBlock? State,
    [property: JsonPropertyName("temperature")] Dictionary<string, System.Text.Json.JsonElement>? Temperature);
