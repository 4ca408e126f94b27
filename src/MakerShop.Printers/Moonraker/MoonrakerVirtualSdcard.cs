using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

/// <summary><c>progress</c> is 0.0–1.0.</summary>
public sealed record MoonrakerVirtualSdcard(
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("is_active")] bool? IsActive,
    [property: JsonPropertyName("file_position")] long? FilePosition,
    [property: JsonPropertyName("file_size")] long? FileSize);
