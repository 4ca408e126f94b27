using System.Text.Json.Serialization;

namespace MakerShop.Printers.OctoPrint;

public sealed record OctoPrintConnectionCommand(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("port"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Port = null);
