using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>"//action:pause", and Marlin's M118 form "// action:cancel" (OctoPrint strips the blank after "//").</summary>
public static partial class HostActionParser
{
    public static HostAction? TryParse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = Pattern().Match(line.Trim());
        if (!match.Success)
        {
            return null;
        }

        var argument = match.Groups["argument"].Success ? match.Groups["argument"].Value.Trim() : null;
        return new HostAction(match.Groups["name"].Value, string.IsNullOrEmpty(argument) ? null : argument);
    }

    [GeneratedRegex(@"^//\s*action:(?<name>[A-Za-z_0-9]+)(?:\s+(?<argument>.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
