using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.Web.Localization;

/// <summary>
/// Numbers people type, read in the page's language and tolerant of the other one: a French maker types "0,4" and the
/// browser may still send "0.4"; an English owner types "1,000" or "0.4". Spaces (French digit groups) are ignored; with
/// both separators the last one is the decimal point. Shown values go back in the page's culture, without float noise.
/// </summary>
public static partial class CultureNumber
{
    public static bool TryParse(string? text, CultureInfo culture, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(culture);
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = Spaces().Replace(text.Trim(), "").Replace('\u2212', '-');
        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
        {
            var (decimalMark, groupMark) = comma > point ? (',', '.') : ('.', ',');
            s = s.Replace(groupMark.ToString(), "", StringComparison.Ordinal).Replace(decimalMark, '.');
        }
        else if (comma >= 0)
        {
            // "1,000" is a thousand where the comma groups digits (English); anywhere else a comma is the decimal mark.
            var groups = culture.NumberFormat.NumberGroupSeparator == "," && ThousandsWithCommas().IsMatch(s);
            s = groups ? s.Replace(",", "", StringComparison.Ordinal) : s.Replace(',', '.');
        }
        else if (point >= 0 && culture.NumberFormat.NumberGroupSeparator == "." && ThousandsWithPoints().IsMatch(s))
        {
            s = s.Replace(".", "", StringComparison.Ordinal);
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParse(string? text, CultureInfo culture, out double value)
    {
        var ok = TryParse(text, culture, out decimal exact);
        value = ok ? (double)exact : 0;
        return ok;
    }

    /// <summary>"0,4" in French, "0.4" in English; at most <paramref name="decimals"/> places, no trailing zeros, no digit groups (so it reads back).</summary>
    public static string Format(double value, CultureInfo culture, int decimals = 3)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), culture);
    }

    public static string Format(decimal value, CultureInfo culture, int decimals = 3)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', decimals), culture);
    }

    [GeneratedRegex(@"[\s\u00A0\u202F']")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+$")]
    private static partial Regex ThousandsWithCommas();

    [GeneratedRegex(@"^[+-]?\d{1,3}(\.\d{3})+$")]
    private static partial Regex ThousandsWithPoints();
}
