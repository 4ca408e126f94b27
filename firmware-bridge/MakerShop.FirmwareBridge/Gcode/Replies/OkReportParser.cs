using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>Reads the counts after "ok": ADVANCED_OK "ok N6320 P6 B1", Repetier "ok 6320"; "ok T:…" has none.</summary>
public static partial class OkReportParser
{
    public static bool IsOk(string text) => OkPattern().IsMatch(text);

    public static OkReport Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = Field(LineNumberPattern(), text) ?? Field(RepetierLinePattern(), text);
        var planner = Field(PlannerPattern(), text);
        var buffer = Field(BufferPattern(), text);
        return line is null && planner is null && buffer is null
            ? OkReport.Plain
            : new OkReport(line, (int?)planner, (int?)buffer);
    }

    private static long? Field(Regex pattern, string text) =>
        pattern.Match(text) is { Success: true } match
            && long.TryParse(match.Groups["value"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    // "ok", "ok N12 …", "ok T:…", "ok 12": never "okay" or "oktober".
    [GeneratedRegex(@"^ok(?:\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OkPattern();

    // Letter and digits with no colon: "B60" is ADVANCED_OK, "B:60.0" is a bed temperature.
    [GeneratedRegex(@"\sN(?<value>\d{1,18})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LineNumberPattern();

    [GeneratedRegex(@"^ok\s+(?<value>\d{1,18})(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RepetierLinePattern();

    [GeneratedRegex(@"\sP(?<value>\d{1,9})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PlannerPattern();

    [GeneratedRegex(@"\sB(?<value>\d{1,9})(?=\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex BufferPattern();
}
