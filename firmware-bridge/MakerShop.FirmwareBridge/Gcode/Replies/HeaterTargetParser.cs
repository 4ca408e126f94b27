using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Repetier prints a heater's target whenever it changes, apart from its temperature reports ("TargetExtr0:210",
/// "TargetBed:60"; Communication.cpp tTargetExtr and tTargetBedColon, written by Extruder.cpp).
/// </summary>
public static partial class HeaterTargetParser
{
    public static HeaterTarget? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Pattern().Match(line.Trim());
        if (!match.Success
            || !double.TryParse(match.Groups["target"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var target))
        {
            return null;
        }

        var heater = match.Groups["tool"].Success
            ? "tool" + int.Parse(match.Groups["tool"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)
            : "bed";
        return new HeaterTarget(heater, target);
    }

    [GeneratedRegex(@"^Target(?:Extr(?<tool>[0-9]{1,2})|Bed)\s*:\s*(?<target>-?[0-9]{1,6}(?:\.[0-9]{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
