using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerGcodeScript([property: JsonPropertyName("script")] string Script);
