using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerPrinterInfo(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("state_message")] string? StateMessage,
    [property: JsonPropertyName("hostname")] string? Hostname,
    [property: JsonPropertyName("software_version")] string? SoftwareVersion);
