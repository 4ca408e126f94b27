using System.Text.RegularExpressions;

namespace MakerShop.FirmwareBridge.Gcode.Replies;

/// <summary>
/// M115 lines, by OctoPrint's rules: the identity line splits at upper-case keys followed by ':' (so values keep their
/// spaces, and "https:" does not split), and a capability line is exactly "Cap:NAME:0" or "Cap:NAME:1". Malyan's
/// boards answer in their own words ("NAME: Malyan VER: 2.9 MODEL: M200 HW: HA02"): their fields are kept as written
/// and also filed under the Marlin keys (FIRMWARE_NAME "Malyan 2.9", FIRMWARE_VERSION, MACHINE_TYPE).
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

        var malyan = text.StartsWith("NAME:", StringComparison.Ordinal);
        if (!malyan && !text.StartsWith("FIRMWARE_NAME:", StringComparison.Ordinal))
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

        if (malyan)
        {
            AddMarlinKeys(fields);
        }

        return fields;
    }

    private static void AddMarlinKeys(Dictionary<string, string> fields)
    {
        var name = fields.GetValueOrDefault("NAME", string.Empty);
        if (fields.TryGetValue("VER", out var version) && version.Length > 0)
        {
            fields.TryAdd("FIRMWARE_VERSION", version);
            name = name.Length > 0 ? $"{name} {version}" : version;
        }

        if (name.Length > 0)
        {
            fields.TryAdd("FIRMWARE_NAME", name);
        }

        if (fields.TryGetValue("MODEL", out var model) && model.Length > 0)
        {
            fields.TryAdd("MACHINE_TYPE", model);
        }
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
