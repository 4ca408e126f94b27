using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Reads M114 lines, alone or after an ok (Klipper, some Marlin builds). A position line starts with "X:" and names X, Y
/// and Z before any "Count"; whatever follows "Count" is per-motor, so its "B:" is a motor on a delta or CoreXY machine,
/// never a bed.
/// </summary>
public static partial class PositionReportParser
{
    public static PositionReport? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = WithoutOk(line.Trim());
        if (!StartsLikePosition(text))
        {
            return null;
        }

        var count = CountPattern().Match(text);
        var axes = Read(count.Success ? text[..count.Index] : text);
        if (!axes.TryGetValue("X", out var x) || !axes.TryGetValue("Y", out var y) || !axes.TryGetValue("Z", out var z))
        {
            return null;
        }

        var motors = count.Success ? Read(text[(count.Index + count.Length)..]) : new Dictionary<string, double>(StringComparer.Ordinal);
        return new PositionReport(x, y, z, axes.TryGetValue("E", out var e) ? e : null, motors);
    }

    /// <summary>True when the line, after an optional ok, opens with a position key: it is not a heater report.</summary>
    public static bool StartsLikePosition(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return WithoutOk(line.TrimStart()).StartsWith("X:", StringComparison.Ordinal);
    }

    /// <summary>Where "Count" starts the motor part of a line, or -1.</summary>
    public static int CountIndex(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return CountPattern().Match(line) is { Success: true } match ? match.Index : -1;
    }

    private static string WithoutOk(string text) =>
        text.StartsWith("ok", StringComparison.OrdinalIgnoreCase) && (text.Length == 2 || char.IsWhiteSpace(text[2]))
            ? text[2..].TrimStart()
            : text;

    private static Dictionary<string, double> Read(string part)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match match in AxisPattern().Matches(part))
        {
            if (double.TryParse(match.Groups["value"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                values.TryAdd(match.Groups["axis"].Value, value);
            }
        }

        return values;
    }

    // [0-9], not \d: other scripts' digits are not numbers to double.Parse.
    [GeneratedRegex(@"(?:^|\s)(?<axis>[A-Z][0-9]?):\s*(?<value>-?[0-9]{1,15}(?:\.[0-9]{1,15})?)(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AxisPattern();

    [GeneratedRegex(@"(?:^|\s)Count(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CountPattern();
}
