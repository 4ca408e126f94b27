using System.Globalization;

namespace MakerShop.Shipping.Packing;

/// <summary>
/// What a printed part weighs, from its G-code: the filament pushed through the nozzle (G0/G1 E moves, absolute or
/// relative per M82/M83, G92 resets; retractions are not counted twice) times the filament's cross-section and the
/// material's density.
/// </summary>
public static class FilamentWeight
{
    public static double Grams(TextReader gcode, double filamentDiameterMm, double densityGramsPerCm3)
    {
        ArgumentNullException.ThrowIfNull(gcode);
        var relative = false;
        double position = 0, highest = 0, extruded = 0;
        string? line;
        while ((line = gcode.ReadLine()) is not null)
        {
            var code = line.AsSpan();
            var comment = code.IndexOf(';');
            if (comment >= 0)
            {
                code = code[..comment];
            }

            code = code.Trim();
            if (code.StartsWith("M82", StringComparison.OrdinalIgnoreCase))
            {
                relative = false;
            }
            else if (code.StartsWith("M83", StringComparison.OrdinalIgnoreCase))
            {
                relative = true;
            }
            else if (code.StartsWith("G92", StringComparison.OrdinalIgnoreCase) && ReadE(code) is { } reset)
            {
                position = highest = reset;
            }
            else if ((code.StartsWith("G1", StringComparison.OrdinalIgnoreCase) || code.StartsWith("G0", StringComparison.OrdinalIgnoreCase)) && ReadE(code) is { } e)
            {
                position = relative ? position + e : e;

                // Only filament beyond the furthest point reached counts, so a retract and its un-retract add nothing.
                if (position > highest)
                {
                    extruded += position - highest;
                    highest = position;
                }
            }
        }

        var radius = filamentDiameterMm / 2;
        return extruded * Math.PI * radius * radius / 1000 * densityGramsPerCm3;
    }

    /// <summary>Typical densities in g/cm³; unknown materials are taken as PLA.</summary>
    public static double DensityOf(string material) => material.ToUpperInvariant() switch
    {
        "PETG" => 1.27,
        "ABS" => 1.04,
        "ASA" => 1.07,
        "TPU" => 1.21,
        "NYLON" or "PA" => 1.14,
        _ => 1.24,
    };

    private static double? ReadE(ReadOnlySpan<char> code)
    {
        foreach (var range in code.Split(' '))
        {
            var word = code[range];
            if (word.Length > 1 && (word[0] is 'E' or 'e')
                && double.TryParse(word[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
        }

        return null;
    }
}
