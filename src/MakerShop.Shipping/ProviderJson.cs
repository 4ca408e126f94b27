using System.Text.Json;
using System.Text.Json.Serialization;
using Refit;

namespace MakerShop.Shipping;

/// <summary>EasyPost and Shippo both speak snake_case JSON; nulls are left out so optional fields stay optional.</summary>
public static class ProviderJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static RefitSettings RefitSettings() => new(new SystemTextJsonContentSerializer(Options));
}
