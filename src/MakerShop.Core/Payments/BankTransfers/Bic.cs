using System.Diagnostics.CodeAnalysis;

namespace MakerShop.Core;

/// <summary>
/// A Business Identifier Code (ISO 9362): four letters for the bank, two for its country, two letters or digits for the
/// location, and an optional three for the branch. Only the format can be checked; there is no check digit.
/// </summary>
public static class Bic
{
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? bic, [NotNullWhen(false)] out string? problem)
    {
        var compact = (text ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        bic = null;
        if (compact.Length is not (8 or 11))
        {
            problem = $"'{text}' is not a BIC: it has 8 or 11 characters.";
            return false;
        }

        if (!compact[..6].All(char.IsAsciiLetterUpper) || !compact[6..].All(char.IsAsciiLetterOrDigit))
        {
            problem = $"'{text}' is not a BIC: six letters (bank and country) then two or five letters or digits.";
            return false;
        }

        bic = compact;
        problem = null;
        return true;
    }
}
