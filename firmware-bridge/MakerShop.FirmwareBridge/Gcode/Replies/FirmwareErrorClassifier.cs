namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Tells a halt from a line-noise error from an error the print survives. The halt markers are OctoPrint's
/// regex_marlinKillError list, Marlin's own "Printer halted. kill() called!", and Klipper's shutdown; the
/// communication errors are Marlin's (language.h), Prusa's, Repetier's and Teacup's wordings.
/// </summary>
public static class FirmwareErrorClassifier
{
    private static readonly string[] HaltMarkers =
    [
        "Printer halted", "kill()", "Thermal Runaway", "Thermal Malfunction", "Heating failed",
        "MAXTEMP", "MINTEMP", "Invalid extruder number", "Watchdog barked", "KILL caused",
    ];

    private static readonly string[] CommunicationMarkers =
    [
        "Line Number is not Last Line Number+1", "checksum mismatch", "No Checksum with line number",
        "No Line Number with checksum", "Missing checksum", "Wrong checksum", "Format error", "expected line",
        "Missing linenumber", "Line Number", "Last Line",
    ];

    /// <summary>True for a line that says the firmware has stopped and needs a reset.</summary>
    public static bool IsHalt(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Contains("Printer halted", StringComparison.OrdinalIgnoreCase) || text.Contains("kill()", StringComparison.Ordinal))
        {
            return true;
        }

        if (text.StartsWith("// Klipper state: Shutdown", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.StartsWith("!!", StringComparison.Ordinal))
        {
            // Klipper: "!! Move out of range" is a refused command (an ok follows); a shutdown is the end.
            return text.Contains("shutdown", StringComparison.OrdinalIgnoreCase);
        }

        return IsErrorLine(text) && HaltMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The kind of a non-halting error line; null when the line is not an error at all.</summary>
    public static FirmwareErrorKind? Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsErrorLine(text) && !text.StartsWith("!!", StringComparison.Ordinal))
        {
            return null;
        }

        return CommunicationMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            ? FirmwareErrorKind.Communication
            : FirmwareErrorKind.NonFatal;
    }

    /// <summary>Marlin "Error:", older "Err:"/"Error ", Repetier "Error:" and bare "Wrong checksum"/"Missing checksum" lines.</summary>
    private static bool IsErrorLine(string text) =>
        text.StartsWith("Error", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Err:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Wrong checksum", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Missing checksum", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("Format error", StringComparison.OrdinalIgnoreCase);
}
