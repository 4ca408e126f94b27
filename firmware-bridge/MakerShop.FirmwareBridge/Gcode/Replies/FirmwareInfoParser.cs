using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// M115 lines, by OctoPrint's rules: the identity line splits at upper-case keys followed by ':' (so values keep their
/// spaces, and "https:" does not split), and a capability line is exactly "Cap:NAME:0" or "Cap:NAME:1".
/// </summary>
public static partial class FirmwareInfoParser
{
    public static string? TryParseFirmwareName(string line) =>
        TryParseIdentity(line) is { } fields && fields.TryGetValue("FIRMWARE_NAME", out var name) ? name : null;

    /// <summary>The key/value pairs of a "FIRMWARE_NAME:… PROTOCOL_VERSION:… " line; null for any other line.</summary>
    public static IReadOnlyDictionary<string, string>? TryParseIdentity(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.StartsWith("ok ", StringComparison.OrdinalIgnoreCase))
        {
            // Klipper appends the M115 answer to its ok.
            text = text[3..].TrimStart();
        }

        if (!text.StartsWith("FIRMWARE_NAME:", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = KeyPattern().Matches(text);
        for (var i = 0; i < keys.Count; i++)
        {
            var start = keys[i].Index + keys[i].Length;
            var end = i + 1 < keys.Count ? keys[i + 1].Index : text.Length;
            fields.TryAdd(keys[i].Groups["key"].Value, text[start..end].Trim());
        }

        return fields;
    }

    /// <summary>"Cap:AUTOREPORT_TEMP:1" → ("AUTOREPORT_TEMP", true); anything else → false.</summary>
    public static bool TryParseCapability(string line, out string name, out bool enabled)
    {
        ArgumentNullException.ThrowIfNull(line);
        var match = CapabilityPattern().Match(line.Trim());
        name = match.Success ? match.Groups["name"].Value : string.Empty;
        enabled = match.Success && match.Groups["value"].Value == "1";
        return match.Success;
    }

    [GeneratedRegex(@"(?:^|\s+)(?<key>[A-Z][A-Z0-9_]*):", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^(?:Cap:)?(?<name>[A-Z][A-Z0-9_]*):(?<value>[01])$", RegexOptions.CultureInvariant)]
    private static partial Regex CapabilityPattern();
}
