using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>M27 and M73 reports: Marlin, Klipper ("Not SD printing." with a period) and Prusa's two M73 lines.</summary>
public static partial class FirmwareProgressParser
{
    public static FirmwareProgressReport? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (SdBytePattern().Match(line) is { Success: true } sd)
        {
            return new FirmwareProgressReport(true, SdBytePosition: Long(sd.Groups["pos"]), SdFileSize: Long(sd.Groups["size"]));
        }

        if (NotSdPattern().IsMatch(line))
        {
            return new FirmwareProgressReport(false);
        }

        if (MarlinM73Pattern().Match(line) is { Success: true } marlin)
        {
            return new FirmwareProgressReport(false, PercentDone: Int(marlin.Groups["percent"]), MinutesRemaining: Int(marlin.Groups["minutes"]));
        }

        // Prusa also prints a SILENT MODE line with the stealth-mode estimate; the normal-mode one is the one to show.
        if (PrusaM73Pattern().Match(line) is { Success: true } prusa)
        {
            return new FirmwareProgressReport(false, PercentDone: Int(prusa.Groups["percent"]), MinutesRemaining: Int(prusa.Groups["minutes"]));
        }

        return null;
    }

    private static long Long(Group group) => long.Parse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Prusa writes -1 for "unknown".</summary>
    private static int? Int(Group group) =>
        group.Success && int.TryParse(group.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;

    [GeneratedRegex(@"SD printing byte (?<pos>\d+)\s*/\s*(?<size>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SdBytePattern();

    [GeneratedRegex(@"^Not SD printing\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotSdPattern();

    [GeneratedRegex(@"M73 Progress:\s*(?<percent>\d+)%(?:;\s*Time left:\s*(?<minutes>\d+)m)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarlinM73Pattern();

    [GeneratedRegex(@"^NORMAL MODE: Percent done:\s*(?<percent>-?\d+);\s*print time remaining in mins:\s*(?<minutes>-?\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrusaM73Pattern();
}
