namespace MakerShop.Core;

/// <summary>
/// Verifies a tracking number's format and check digit. Whitespace is removed and letters upper-cased first, as
/// people type numbers off labels with spaces. The carrier is always given: a 10-digit number means different
/// things to different carriers, so the format is never guessed from the number alone.
/// </summary>
public static class TrackingNumberCheck
{
    private const string UspsFormat =
        "A USPS number has 20 to 22 or 26 digits, or 22 after a 420 + ZIP or ZIP+4 routing code (international USPS items use UPU S10 numbers).";

    private static readonly int[] S10Weights = [8, 6, 4, 2, 3, 5, 9, 7];
    private static readonly int[] FedExExpressWeights = [3, 1, 7];

    /// <summary>The number as it is stored: no whitespace, upper case.</summary>
    public static string Normalise(string? text) =>
        new((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Null when the number is valid for the format; otherwise why it is not.</summary>
    public static string? Problem(TrackingNumberFormat format, string? text)
    {
        var number = Normalise(text);
        if (number.Length == 0)
        {
            return "A tracking number is required.";
        }

        return format switch
        {
            TrackingNumberFormat.UpuS10 => CheckS10(number),
            TrackingNumberFormat.Ups => CheckUps(number),
            TrackingNumberFormat.Usps => CheckUsps(number),
            TrackingNumberFormat.FedEx => CheckFedEx(number),
            TrackingNumberFormat.DhlExpress => CheckDhlExpress(number),
            _ => $"No check is known for {format}.",
        };
    }

    public static bool IsValid(TrackingNumberFormat format, string? text) => Problem(format, text) is null;

    private static string? CheckS10(string n)
    {
        if (n.Length != 13 || !char.IsAsciiLetterUpper(n[0]) || !char.IsAsciiLetterUpper(n[1]) || !AllDigits(n, 2, 9)
            || !char.IsAsciiLetterUpper(n[11]) || !char.IsAsciiLetterUpper(n[12]))
        {
            return "A UPU S10 number is 2 letters, 9 digits and a 2-letter country code (e.g. RR287043775IN).";
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += Digit(n[2 + i]) * S10Weights[i];
        }

        var check = 11 - (sum % 11);
        check = check switch { 10 => 0, 11 => 5, _ => check };
        if (Digit(n[10]) != check)
        {
            return $"The S10 check digit should be {check}, not {n[10]}.";
        }

        return CountryCodes.IsAssigned(n.Substring(11, 2)) ? null : $"'{n.Substring(11, 2)}' is not a country code of an issuing post.";
    }

    private static string? CheckUps(string n)
    {
        if (n.Length != 18 || !n.StartsWith("1Z", StringComparison.Ordinal) || !n.Skip(2).All(char.IsAsciiLetterOrDigit) || !char.IsAsciiDigit(n[17]))
        {
            return "A UPS number is 1Z followed by 15 letters or digits and a check digit (18 characters).";
        }

        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = n[2 + i];
            var value = char.IsAsciiDigit(c) ? c - '0' : (c - 3) % 10;
            sum += i % 2 == 1 ? value * 2 : value;
        }

        return CompareCheck("UPS", (10 - (sum % 10)) % 10, n[17]);
    }

    // USPS Publication 199 (Implementation Guide to the Intelligent Mail package barcode): the IMpb ends in a mod-10
    // check digit, weights 3 and 1 from the right; the "420" + ZIP (or ZIP+4) routing code printed before it on the
    // label's barcode is not part of the tracking number and carries no check (jkeen/tracking_number_data usps.json).
    private static string? CheckUsps(string n)
    {
        if (!AllDigits(n, 0, n.Length))
        {
            return UspsFormat;
        }

        var impb = n.Length switch
        {
            30 or 34 when n.StartsWith("420", StringComparison.Ordinal) => n[(n.Length - 22)..],
            20 or 21 or 22 or 26 => n,
            _ => null,
        };
        if (impb is null)
        {
            return UspsFormat;
        }

        return CompareCheck("USPS", WeightedMod10FromRight(impb.AsSpan(0, impb.Length - 1)), impb[^1]);
    }

    private static string? CheckFedEx(string n)
    {
        if (!AllDigits(n, 0, n.Length) || n.Length is not (12 or 15 or 22) || (n.Length == 22 && !n.StartsWith("96", StringComparison.Ordinal)))
        {
            return "A FedEx number has 12 digits (Express), 15 digits (Ground) or 22 digits starting with 96 (Ground barcode).";
        }

        if (n.Length == 12)
        {
            var sum = 0;
            for (var i = 0; i < 11; i++)
            {
                sum += Digit(n[i]) * FedExExpressWeights[i % 3];
            }

            return CompareCheck("FedEx", sum % 11 % 10, n[11]);
        }

        if (n.Length == 22)
        {
            // FedEx Ground Bar Code & Label Layout Specification FY04.A, "Check digit calculation algorithms: FedEx
            // Ground Code 128 ('96' bar code)": 96, a 2-digit SCNC and a 3-digit service code precede the 14-digit
            // package number, and only those 14 digits count: mod 10, the digits in even positions from the right
            // tripled, as for an SSCC-18.
            return CompareCheck("FedEx", WeightedMod10FromRight(n.AsSpan(7, 14)), n[21]);
        }

        return CompareCheck("FedEx", WeightedMod10FromRight(n.AsSpan(0, 14)), n[14]);
    }

    // DHL Express waybills are 10 digits, some 11: the last digit is the number before it modulo 7 (the rule
    // jkeen/tracking_number_data dhl.json and the tracking_number gem document, with real 10- and 11-digit waybills).
    private static string? CheckDhlExpress(string n)
    {
        if (n.Length is not (10 or 11) || !AllDigits(n, 0, n.Length))
        {
            return "A DHL Express waybill number has 10 or 11 digits.";
        }

        var body = long.Parse(n.AsSpan(0, n.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
        return CompareCheck("DHL Express", (int)(body % 7), n[^1]);
    }

    /// <summary>GS1-style mod 10: from the right, the digits weigh 3, 1, 3, 1, …; the check tops the sum up to a multiple of ten.</summary>
    private static int WeightedMod10FromRight(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var weight = 3;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            sum += Digit(digits[i]) * weight;
            weight = weight == 3 ? 1 : 3;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static string? CompareCheck(string carrier, int expected, char actual) =>
        Digit(actual) == expected ? null : $"The {carrier} check digit should be {expected}, not {actual}.";

    private static bool AllDigits(string n, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(n[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Digit(char c) => c - '0';
}
