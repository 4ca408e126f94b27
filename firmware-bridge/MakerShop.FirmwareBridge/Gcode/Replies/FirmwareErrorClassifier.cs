namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// Tells a halt from a line-noise error from an error the print survives. The halt markers are OctoPrint's
/// regex_marlinKillError list and the firmware's own stop wordings: Marlin's language.h ("Printer halted. kill()
/// called!", "…, system stopped! Heater_ID: 0", "Printer stopped due to errors. Fix the error and use M999 to restart.",
/// "!! KILL caused by …", "!! STOP called because of … - restart with M999"), Prusa's temperature.cpp ("HOTEND THERMAL
/// RUNAWAY", "Heaters switched off. MAXTEMP triggered!", "Printer stopped due to errors. Supervision required."),
/// Repetier's gcode.cpp and Communication.cpp ("fatal:… - Printer stopped and heaters disabled …", "Heater decoupled",
/// "Fail mode active. Send M999 …", "Printer set into dry run mode until restart!") and Klipper's shutdowns.
/// </summary>
public static class FirmwareErrorClassifier
{
    private static readonly string[] HaltMarkers =
    [
        "Printer halted", "kill()", "Thermal Runaway", "Thermal Malfunction", "Heating failed",
        "MAXTEMP", "MINTEMP", "Invalid extruder number", "Watchdog barked", "KILL caused",
        "system stopped", "Printer stopped", "use M999", "with M999", "Send M999", "Heater switched off", "Heaters switched off",
        "Heater decoupled", "decoupled from thermistor", "dry run mode", "Watchdog timeout", "STOP called",
    ];

    /// <summary>
    /// "!!" is Klipper's refused command (an ok follows) unless it says the host shut down; Marlin uses it for its own
    /// kill and stop lines too.
    /// </summary>
    private static readonly string[] BangHaltMarkers =
    [
        "shutdown", "KILL caused", "STOP called", "Printer halted", "not heating at expected rate", "ADC out of range",
        "Lost communication with MCU", "Internal error on command",
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

        if (text.StartsWith("fatal:", StringComparison.OrdinalIgnoreCase))
        {
            // Repetier prints its fatal errors (heater decoupled, sensor failure, failed leveling) this way only.
            return true;
        }

        if (text.StartsWith("!!", StringComparison.Ordinal))
        {
            return BangHaltMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase));
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
