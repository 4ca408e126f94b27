using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerServerInfo(
    [property: JsonPropertyName("klippy_connected")] bool KlippyConnected,
    [property: JsonPropertyName("klippy_state")] string? KlippyState,
    [property: JsonPropertyName("moonraker_version")] string? MoonrakerVersion,
    [property: JsonPropertyName("api_version_string")] string? ApiVersion);
