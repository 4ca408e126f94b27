using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerUploadResult(
    [property: JsonPropertyName("item")] MoonrakerFileItem? Item,
    [property: JsonPropertyName("print_started")] bool PrintStarted,
    [property: JsonPropertyName("print_queued")] bool PrintQueued,
    [property: JsonPropertyName("action")] string? Action);
