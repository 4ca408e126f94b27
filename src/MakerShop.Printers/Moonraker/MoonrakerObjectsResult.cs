using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerObjectsResult(
    [property: JsonPropertyName("eventtime")] double EventTime,
    [property: JsonPropertyName("status")] MoonrakerStatus? Status);
