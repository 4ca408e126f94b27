using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerStatus(
    [property: JsonPropertyName("webhooks")] MoonrakerWebhooks? Webhooks,
    [property: JsonPropertyName("print_stats")] MoonrakerPrintStats? PrintStats,
    [property: JsonPropertyName("virtual_sdcard")] MoonrakerVirtualSdcard? VirtualSdcard,
    [property: JsonPropertyName("display_status")] MoonrakerDisplayStatus? DisplayStatus,
    [property: JsonPropertyName("extruder")] MoonrakerHeater? Extruder,
    [property: JsonPropertyName("heater_bed")] MoonrakerHeater? HeaterBed);
