using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakerShop.Contracts.Mqtt;

/// <summary>Serialisation shared by both ends so that field names and enum spellings never drift.</summary>
public static class ContractJson
{
    /// <summary>Bumped when a payload changes incompatibly; readers refuse versions they do not know.</summary>
    public const int SchemaVersion = 1;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] Serialize<T>(T payload) => JsonSerializer.SerializeToUtf8Bytes(payload, Options);

    /// <summary>Returns null for a payload that is not valid JSON of this shape or of an unknown schema version.</summary>
    public static T? TryDeserialize<T>(ReadOnlySpan<byte> json)
        where T : class, IVersionedPayload
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is { SchemaVersion: SchemaVersion } ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

