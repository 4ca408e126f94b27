using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// The colour words the shop sells in, and the nearest of them to a colour a printer reports as hex (Bambu Lab's AMS
/// writes RRGGBBAA): people read "white", and a job for "white" PLA matches a tray whose hex is near white.
/// </summary>
public static class FilamentColours
{
    // Anchors near the filament makers' own swatches (Bambu's Basic PLA among them), not the pure RGB corners; a word
    // may have several (dark and light blue are both "blue" to a customer).
    private static readonly (string Name, int R, int G, int B)[] Palette =
    [
        ("black", 0x00, 0x00, 0x00),
        ("white", 0xFF, 0xFF, 0xFF),
        ("grey", 0x8E, 0x90, 0x89),
        ("red", 0xC1, 0x2E, 0x1F),
        ("orange", 0xFF, 0x6A, 0x13),
        ("yellow", 0xF4, 0xEE, 0x2A),
        ("green", 0x00, 0xAE, 0x42),
        ("blue", 0x0A, 0x29, 0x89),
        ("blue", 0x00, 0x86, 0xD6),
        ("grey", 0xC0, 0xC0, 0xC0),
        ("purple", 0x5E, 0x43, 0xB7),
        ("pink", 0xF5, 0x5A, 0x74),
        ("brown", 0x7D, 0x4E, 0x2D),
    ];

    /// <summary>"RRGGBB" (upper case) from "RRGGBB", "RRGGBBAA" or "#RRGGBB"; null when it is not a colour.</summary>
    public static string? Normalise(string? hex)
    {
        var digits = hex?.Trim().TrimStart('#');
        if (digits is null || (digits.Length != 6 && digits.Length != 8)
            || !int.TryParse(digits[..6], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        return digits[..6].ToUpperInvariant();
    }

    /// <summary>The nearest colour word to <paramref name="hex"/>, or null when it is not a colour.</summary>
    public static string? NameOf(string? hex)
    {
        if (Normalise(hex) is not { } rgb)
        {
            return null;
        }

        var value = int.Parse(rgb, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        int r = (value >> 16) & 0xFF, g = (value >> 8) & 0xFF, b = value & 0xFF;
        // "Redmean" distance: cheap, and closer to how people see colour than plain RGB distance.
        return Palette.MinBy(c =>
        {
            var mean = (r + c.R) / 2.0;
            double dr = r - c.R, dg = g - c.G, db = b - c.B;
            return ((2 + (mean / 256)) * dr * dr) + (4 * dg * dg) + ((2 + ((255 - mean) / 256)) * db * db);
        }).Name;
    }
}
