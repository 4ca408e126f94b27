using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// M27 and M73 reports: Marlin, Klipper ("Not SD printing." with a period) and Prusa's two M73 lines; and the end of a
/// print from the printer's own card, "Done printing file" (Marlin STR_FILE_PRINTED, Repetier tDonePrinting).
/// </summary>
public static partial class FirmwareProgressParser
{
    public static FirmwareProgressReport? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // A position or size beyond a long is line noise, not a report (found by fuzzing: it threw an OverflowException).
        if (SdBytePattern().Match(line) is { Success: true } sd && Long(sd.Groups["pos"]) is { } position && Long(sd.Groups["size"]) is { } size)
        {
            return new FirmwareProgressReport(true, SdBytePosition: position, SdFileSize: size);
        }

        if (DonePattern().IsMatch(line))
        {
            return new FirmwareProgressReport(false, SdPrintFinished: true);
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

    private static long? Long(Group group) =>
        long.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Prusa writes -1 for "unknown".</summary>
    private static int? Int(Group group) =>
        group.Success && int.TryParse(group.ValueSpan, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;

    [GeneratedRegex(@"SD printing byte (?<pos>[0-9]+)\s*/\s*(?<size>[0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SdBytePattern();

    [GeneratedRegex(@"^(?:echo:\s*)?Done printing file\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DonePattern();

    [GeneratedRegex(@"^Not SD printing\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotSdPattern();

    [GeneratedRegex(@"M73 Progress:\s*(?<percent>[0-9]+)%(?:;\s*Time left:\s*(?<minutes>[0-9]+)m)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarlinM73Pattern();

    [GeneratedRegex(@"^NORMAL MODE: Percent done:\s*(?<percent>-?[0-9]+);\s*print time remaining in mins:\s*(?<minutes>-?[0-9]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrusaM73Pattern();
}
