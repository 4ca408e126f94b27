using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerWebhooks(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("state_message")] string? StateMessage);
