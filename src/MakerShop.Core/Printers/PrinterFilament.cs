namespace MakerShop.Core;

/// <summary>
/// What filament a printer says it holds (AMS trays and the external spool), and what a job it had to refuse needed.
/// A printer that reports AMS trays prints from one of them; without any it prints from the external spool.
/// </summary>
public sealed record PrinterFilament(IReadOnlyList<FilamentTray> Trays, FilamentNeed? Wanted = null)
{
    public static readonly PrinterFilament None = new([]);

    public bool HasAms => Trays.Any(t => !t.IsExternal);

    /// <summary>
    /// The AMS tray to print a job of this material and colour from: the one in use if it holds it, else the fullest;
    /// null when no tray holds it (or there is no AMS).
    /// </summary>
    public FilamentTray? TrayFor(string material, string colour) =>
        Trays.Where(t => !t.IsExternal && t.Holds(material, colour))
            .OrderByDescending(t => t.Active)
            .ThenByDescending(t => t.RemainingPercent ?? 0)
            .FirstOrDefault();
}
