using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode;

/// <summary>Extracts the firmware name from an M115 line; keys are upper-case words followed by ':'.</summary>
public static partial class FirmwareInfoParser
{
    public static string? TryParseFirmwareName(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = FirmwareNamePattern().Match(line);
        return match.Success ? match.Groups["name"].Value.Trim() : null;
    }

    [GeneratedRegex(@"FIRMWARE_NAME:(?<name>.*?)(?=\s+[A-Z][A-Z0-9_]*:|$)", RegexOptions.CultureInvariant)]
    private static partial Regex FirmwareNamePattern();
}
