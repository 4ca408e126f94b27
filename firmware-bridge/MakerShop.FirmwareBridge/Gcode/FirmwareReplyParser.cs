using System.Globalization;
using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Classifies Marlin (and Prusa, Teacup, MarlinKimbra) reply lines; the spellings come from OctoPrint's parser.</summary>
public static partial class FirmwareReplyParser
{
    // OctoPrint's regex_marlinKillError list plus Marlin's own halt message.
    private static readonly string[] FatalMarkers =
    [
        "Printer halted", "kill()", "Thermal Runaway", "Thermal Malfunction", "Heating failed",
        "MAXTEMP triggered", "MINTEMP triggered", "Invalid extruder number", "Watchdog barked", "KILL caused",
    ];

    public static FirmwareReply Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.StartsWith("ok", StringComparison.OrdinalIgnoreCase))
        {
            return new FirmwareReply(FirmwareReplyKind.Ok, text, Heaters: TemperatureReportParser.TryParse(text));
        }

        if (ResendPattern().Match(text) is { Success: true } resend)
        {
            return new FirmwareReply(FirmwareReplyKind.Resend, text, long.Parse(resend.Groups["line"].ValueSpan, CultureInfo.InvariantCulture));
        }

        if (text.Contains("busy:", StringComparison.OrdinalIgnoreCase))
        {
            return new FirmwareReply(FirmwareReplyKind.Busy, text);
        }

        if (text.Equals("start", StringComparison.OrdinalIgnoreCase))
        {
            return new FirmwareReply(FirmwareReplyKind.Start, text);
        }

        if (FatalMarkers.Any(marker => text.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return new FirmwareReply(FirmwareReplyKind.Fatal, text);
        }

        if (text.StartsWith("Error:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("!!", StringComparison.Ordinal))
        {
            return new FirmwareReply(FirmwareReplyKind.Error, text);
        }

        return TemperatureReportParser.TryParse(text) is { } heaters
            ? new FirmwareReply(FirmwareReplyKind.Temperature, text, Heaters: heaters)
            : new FirmwareReply(FirmwareReplyKind.Info, text);
    }

    /// <summary>"Resend: 23", "Resend:N23", "Resend: N:23", "rs 23", "rs N23 expected checksum 109".</summary>
    [GeneratedRegex(@"^(?:Resend|rs)[:\s]\s*(?:N:?)?(?<line>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ResendPattern();
}
