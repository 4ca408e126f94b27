using System.Globalization;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>Reads the data port out of EPSV ("229 … (|||port|)") and PASV ("227 … (h1,h2,h3,h4,p1,p2)") replies.</summary>
internal static class PassiveReply
{
    public static bool TryParseExtended(string text, out int port)
    {
        port = 0;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close <= open + 1)
        {
            return false;
        }

        var inner = text[(open + 1)..close];
        if (inner.Length < 5)
        {
            return false;
        }

        var parts = inner.Split(inner[0]);
        return parts.Length == 5
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and <= 65535;
    }

    public static bool TryParse(string text, out int port)
    {
        port = 0;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close <= open + 1)
        {
            return false;
        }

        var numbers = text[(open + 1)..close].Split(',');
        if (numbers.Length != 6
            || !int.TryParse(numbers[4], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
            || !int.TryParse(numbers[5], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
            || high > 255 || low > 255)
        {
            return false;
        }

        port = (high * 256) + low;
        return port > 0;
    }
}
