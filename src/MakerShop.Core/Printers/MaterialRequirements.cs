namespace MakerShop.Core;

/// <summary>
/// What a filament asks of the printer: warping materials need a heated enclosure, fibre-filled ones wear a brass
/// nozzle through in a few hundred grams and need a hardened one. A material not listed asks for nothing special.
/// </summary>
public readonly record struct MaterialRequirements(bool NeedsEnclosure, bool NeedsHardenedNozzle)
{
    public static MaterialRequirements For(string material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var m = material.Trim();
        var abrasive = m.EndsWith("-CF", StringComparison.OrdinalIgnoreCase)
            || m.EndsWith("-GF", StringComparison.OrdinalIgnoreCase)
            || m.Contains("carbon", StringComparison.OrdinalIgnoreCase)
            || m.Contains("glow", StringComparison.OrdinalIgnoreCase);
        var baseMaterial = m.Split('-', 2)[0];
        var warps = baseMaterial.Equals("ABS", StringComparison.OrdinalIgnoreCase)
            || baseMaterial.Equals("ASA", StringComparison.OrdinalIgnoreCase)
            || baseMaterial.Equals("PC", StringComparison.OrdinalIgnoreCase)
            || baseMaterial.Equals("PA", StringComparison.OrdinalIgnoreCase)
            || baseMaterial.Equals("Nylon", StringComparison.OrdinalIgnoreCase);
        return new MaterialRequirements(warps, abrasive);
    }
}
