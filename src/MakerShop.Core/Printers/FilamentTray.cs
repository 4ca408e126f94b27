namespace MakerShop.Core;

/// <summary>
/// One spool a printer says it holds: a slot of an automatic material system (AMS unit and slot, both from 0) or the
/// external spool (no unit). Colour as the printer reports it ("RRGGBB") and as a word people read.
/// </summary>
public sealed record FilamentTray(int? AmsUnit, int? Slot, string Material, string ColourHex, int? RemainingPercent, bool Active)
{
    /// <summary>Bambu Lab's number for the external spool in <c>tray_now</c> and <c>ams_mapping</c>.</summary>
    public const int ExternalSpoolIndex = 254;

    public bool IsExternal => AmsUnit is null;

    /// <summary>The printer's index of this tray: unit × 4 + slot, or the external spool's.</summary>
    public int Index => AmsUnit is { } unit && Slot is { } slot ? (unit * 4) + slot : ExternalSpoolIndex;

    /// <summary>The nearest colour word ("white"), or the hex when it is not a colour.</summary>
    public string ColourName => FilamentColours.NameOf(ColourHex) ?? ColourHex;

    /// <summary>Same material (case aside) and a colour whose nearest word is the job's.</summary>
    public bool Holds(string material, string colour)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(colour);
        return string.Equals(Material.Trim(), material.Trim(), StringComparison.OrdinalIgnoreCase)
            && (string.Equals(ColourName, colour.Trim(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(FilamentColours.Normalise(ColourHex), FilamentColours.Normalise(colour), StringComparison.Ordinal));
    }
}
