using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintConnection([property: JsonPropertyName("current")] OctoPrintCurrentConnection? Current);
