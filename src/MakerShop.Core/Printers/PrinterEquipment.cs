namespace MakerShop.Core;

/// <summary>Who runs a printer and what hardware it has beyond its build volume: what decides which materials it may print.</summary>
public sealed record PrinterEquipment(string MakerId, bool Enclosed, bool HardenedNozzle)
{
    /// <summary>A shop printer with an open frame and a brass nozzle: what a printer registered without details is taken to be.</summary>
    public static PrinterEquipment Default { get; } = new(Maker.ShopMakerId, Enclosed: false, HardenedNozzle: false);
}
