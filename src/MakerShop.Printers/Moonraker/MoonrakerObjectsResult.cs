using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerObjectsResult(
    [property: JsonPropertyName("eventtime")] double EventTime,
    [property: JsonPropertyName("status")] MoonrakerStatus? Status);

public sealed record MoonrakerStatus(
    [property: JsonPropertyName("webhooks")] MoonrakerWebhooks? Webhooks,
    [property: JsonPropertyName("print_stats")] MoonrakerPrintStats? PrintStats,
    [property: JsonPropertyName("virtual_sdcard")] MoonrakerVirtualSdcard? VirtualSdcard,
    [property: JsonPropertyName("display_status")] MoonrakerDisplayStatus? DisplayStatus,
    [property: JsonPropertyName("extruder")] MoonrakerHeater? Extruder,
    [property: JsonPropertyName("heater_bed")] MoonrakerHeater? HeaterBed);

public sealed record MoonrakerWebhooks(
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("state_message")] string? StateMessage);

/// <summary><c>state</c> is one of standby, printing, paused, complete, error, cancelled; it stays after a print until the next one.</summary>
public sealed record MoonrakerPrintStats(
    [property: JsonPropertyName("filename")] string? Filename,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("print_duration")] double? PrintDuration,
    [property: JsonPropertyName("total_duration")] double? TotalDuration);

/// <summary><c>progress</c> is 0.0–1.0.</summary>
public sealed record MoonrakerVirtualSdcard(
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("is_active")] bool? IsActive,
    [property: JsonPropertyName("file_position")] long? FilePosition,
    [property: JsonPropertyName("file_size")] long? FileSize);

public sealed record MoonrakerDisplayStatus(
    [property: JsonPropertyName("progress")] double? Progress,
    [property: JsonPropertyName("message")] string? Message);

public sealed record MoonrakerHeater(
    [property: JsonPropertyName("temperature")] double? Temperature,
    [property: JsonPropertyName("target")] double? Target);
