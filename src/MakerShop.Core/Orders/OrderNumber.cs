using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// The short number people use for an order ("MS-1042"): the shop's prefix and a positive sequence number, unique per
/// shop. The internal id stays the key for the API and the database; this is what customers read and type.
/// </summary>
public sealed record OrderNumber
{
    public const int MaxPrefixLength = 6;

    /// <summary>Nine digits: a shop that sells a billion orders can widen it; a typo of twenty digits is refused.</summary>
    public const long MaxValue = 999_999_999;

    private OrderNumber(string prefix, long value)
    {
        Prefix = prefix;
        Value = value;
    }

    public string Prefix { get; }

    public long Value { get; }

    public static OrderNumber Create(string prefix, long value)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new DomainValidationException("orderNumber.prefix", $"'{prefix}' is not an order-number prefix: 1 to {MaxPrefixLength} capital letters A–Z.");
        }

        if (value is < 1 or > MaxValue)
        {
            throw new DomainValidationException("orderNumber", $"An order number runs from 1 to {MaxValue}; {value} is outside.");
        }

        return new OrderNumber(prefix, value);
    }

    public static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: > 0 and <= MaxPrefixLength } && prefix.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// What a person types for an order: "MS-1042", "ms 1042", "MS1042", "#1042" or "1042". Another shop's prefix is
    /// not this shop's order, so it is refused rather than matched by its digits.
    /// </summary>
    public static bool TryParse(string? text, string prefix, [NotNullWhen(true)] out OrderNumber? number)
    {
        number = null;
        if (!IsValidPrefix(prefix) || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var rest = text.Trim();
        if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[prefix.Length..].TrimStart(' ', '-', '_', '#');
        }
        else if (rest.StartsWith('#'))
        {
            rest = rest[1..];
        }

        if (rest.Length is 0 or > 9 || !rest.All(char.IsAsciiDigit))
        {
            return false;
        }

        var value = long.Parse(rest, NumberStyles.None, CultureInfo.InvariantCulture);
        if (value < 1)
        {
            return false;
        }

        number = new OrderNumber(prefix, value);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Value}");
}
