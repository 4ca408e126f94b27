using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintGcodeCommand([property: JsonPropertyName("commands")] IReadOnlyList<string> Commands);
