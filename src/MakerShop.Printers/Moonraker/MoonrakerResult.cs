using System.Text.Json.Serialization;

namespace MakerShop.Printers.Moonraker;

public sealed record MoonrakerResult<T>([property: JsonPropertyName("result")] T? Result);
