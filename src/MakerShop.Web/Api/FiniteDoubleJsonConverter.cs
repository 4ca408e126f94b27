using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MakerShop.Web.Api;

/// <summary>
/// JSON has no NaN or Infinity, and System.Text.Json throws on them while writing, which turned a measurement that
/// overflowed (a model with coordinates near float's limit) into a 500. A number that is not finite is written as null;
/// reading is unchanged (numbers, and numbers in strings where the options allow it), and never yields NaN or Infinity.
/// </summary>
public sealed class FiniteDoubleJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        if (reader.TokenType == JsonTokenType.String && options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString)
            && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new JsonException($"Expected a finite number, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
