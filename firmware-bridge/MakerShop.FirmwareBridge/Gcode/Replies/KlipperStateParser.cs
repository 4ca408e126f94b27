using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Klipper announces each change of its host state as "// Klipper state: Ready" (also "Shutdown", "Disconnect",
/// "Not ready"; klippy/gcode.py _respond_state). The word is kept as Klipper wrote it.
/// </summary>
public static partial class KlipperStateParser
{
    public static string? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return Pattern().Match(line.Trim()) is { Success: true } match ? match.Groups["state"].Value.Trim() : null;
    }

    [GeneratedRegex(@"^//\s*Klipper state:\s*(?<state>[A-Za-z][A-Za-z ]{0,40})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
