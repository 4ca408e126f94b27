using System.Globalization;
using System.Text.Json;

namespace MakerShop.Shipping.Tracking;

/// <summary>Tolerant reads from provider JSON: a missing or null field is null, never an exception.</summary>
internal static class JsonRead
{
    public static JsonElement? Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? Text(this JsonElement element, string name)
    {
        if (element.Child(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException ex)
        {
            // Valid JSON escapes can still spell invalid text (a lone UTF-16 surrogate, "\ud800"): a malformed body, refused
            // like any other (found by WebhookParserProperties).
            throw new JsonException($"The field '{name}' is not valid text.", ex);
        }
    }

    public static string? Text(this JsonElement? element, string name) => element is { } e ? e.Text(name) : null;

    /// <summary>A timestamp only when it states its offset (Z or ±hh:mm); local times without one stay text.</summary>
    public static DateTimeOffset? Instant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    public static DateTimeOffset? FromUnixSeconds(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
        && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
