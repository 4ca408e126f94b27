using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Every resend spelling a host meets: Marlin and Prusa "Resend: 23", "Resend:23", "Resend: N23", "Resend: N:23";
/// Teacup "rs 23", "rs N23", "rs N:23", "rs N23 expected checksum 109". OctoPrint's pattern is the same, (N|N:)?(\d+).
/// </summary>
public static partial class ResendRequestParser
{
    public static bool TryParse(string text, out long lineNumber, out string digits)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (match.Success && long.TryParse(match.Groups["line"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out lineNumber))
        {
            digits = match.Groups["line"].Value;
            return true;
        }

        lineNumber = 0;
        digits = string.Empty;
        return false;
    }

    [GeneratedRegex(@"^(?:Resend|rs)(?:\s*:\s*|\s+)(?:N:?)?(?<line>\d{1,18})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
