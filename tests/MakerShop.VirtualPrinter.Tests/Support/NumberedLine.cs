using System.Globalization;

namespace MakerShop.VirtualPrinter.Tests.Support;

/// <summary>The host side of Marlin's framing: "N&lt;n&gt; &lt;command&gt;*&lt;XOR of every byte before the star&gt;".</summary>
internal static class NumberedLine
{
    public static string Format(long number, string command)
    {
        var body = string.Create(CultureInfo.InvariantCulture, $"N{number} {command}");
        var checksum = 0;
        foreach (var c in body)
        {
            checksum ^= c & 0xFF;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{body}*{checksum}");
    }
}
