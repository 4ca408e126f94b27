using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintJob([property: JsonPropertyName("file")] OctoPrintJobFile? File);
