using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MakerShop.Core;

/// <summary>
/// An International Bank Account Number (ISO 13616): country, two check digits and the national account number, held
/// compact and upper case. Only one that has its country's length and passes the mod-97 check exists, so a mistyped
/// account never reaches a customer's transfer form.
/// </summary>
public sealed record Iban
{
    // The IBAN registry's total lengths per country (SWIFT, ISO 13616 registration authority).
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28,
        ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22,
        ["MK"] = 19, ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23,
        ["PK"] = 24, ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private Iban(string value) => Value = value;

    /// <summary>Compact, upper case, no spaces: what goes into a QR code or a statement comparison.</summary>
    public string Value { get; }

    public string CountryCode => Value[..2];

    /// <summary>Groups of four, as printed on bank cards and statements: easy to read out and retype.</summary>
    public string Grouped => string.Join(' ', Value.Chunk(4).Select(group => new string(group)));

    public static Iban Parse(string? text) =>
        TryParse(text, out var iban, out var problem) ? iban : throw new DomainValidationException("iban", problem);

    /// <summary>Accepts the spaced, dashed or lower-case forms people copy from a statement; says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Iban? iban, [NotNullWhen(false)] out string? problem)
    {
        iban = null;
        var compact = Compact(text);
        if (compact.Length == 0)
        {
            problem = "An IBAN is required.";
            return false;
        }

        if (compact.Length < 5 || !char.IsAsciiLetter(compact[0]) || !char.IsAsciiLetter(compact[1]) || !char.IsAsciiDigit(compact[2]) || !char.IsAsciiDigit(compact[3]))
        {
            problem = $"'{text}' is not an IBAN: it starts with a two-letter country code and two check digits.";
            return false;
        }

        if (!compact.All(char.IsAsciiLetterOrDigit))
        {
            problem = $"'{text}' is not an IBAN: only letters and digits are allowed.";
            return false;
        }

        if (!Lengths.TryGetValue(compact[..2], out var length))
        {
            problem = $"'{compact[..2]}' is not a country that uses IBANs.";
            return false;
        }

        if (compact.Length != length)
        {
            problem = $"An IBAN from {compact[..2]} has {length} characters; this one has {compact.Length}.";
            return false;
        }

        if (Mod97(compact[4..] + compact[..4]) != 1)
        {
            problem = $"The IBAN's check digits do not match (ISO 13616 checksum): check '{text}' for a typo.";
            return false;
        }

        iban = new Iban(compact);
        problem = null;
        return true;
    }

    /// <summary>ISO 7064 mod 97-10 over letters as numbers (A = 10 … Z = 35), as the IBAN and the RF creditor reference use it.</summary>
    internal static int Mod97(string rearranged)
    {
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : char.ToUpperInvariant(c) - 'A' + 10;
            remainder = digits >= 10 ? ((remainder * 100) + digits) % 97 : ((remainder * 10) + digits) % 97;
        }

        return remainder;
    }

    private static string Compact(string? text)
    {
        var builder = new StringBuilder((text ?? "").Length);
        foreach (var c in (text ?? "").Trim())
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        // A pasted "IBAN FR76…" keeps working.
        var compact = builder.ToString();
        return compact.StartsWith("IBAN", StringComparison.Ordinal) && compact.Length > 4 && char.IsAsciiLetter(compact[4]) ? compact[4..] : compact;
    }

    public override string ToString() => Value;
}
