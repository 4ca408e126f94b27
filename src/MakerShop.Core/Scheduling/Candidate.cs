namespace MakerShop.Core;

/// <summary>
/// One printer weighed for one job. Lower is better, in the order: on time first (or, when it cannot be, the least late), then fewer makers per
/// order, then closer to the customer, then no filament swap (or a swap that displaces the filament least in demand), then cheaper shipping, then the less loaded maker, then
/// the printer id (its index), so equal candidates always resolve the same way.
/// </summary>
internal readonly record struct Candidate(int Printer, long LateTicks, bool NewMaker, ShippingProximity Proximity, bool Swap, int DisplacedDemand, long CostMinor, int MakerBusy, int MakerPrinters)
{
    public bool IsBetterThan(in Candidate other)
    {
        if (LateTicks != other.LateTicks)
        {
            return LateTicks < other.LateTicks;
        }

        if (NewMaker != other.NewMaker)
        {
            return !NewMaker;
        }

        if (Proximity != other.Proximity)
        {
            return Proximity < other.Proximity;
        }

        if (Swap != other.Swap)
        {
            return !Swap;
        }

        // A swap takes away a filament; take it from the printer whose filament the queue wants least.
        if (DisplacedDemand != other.DisplacedDemand)
        {
            return DisplacedDemand < other.DisplacedDemand;
        }

        if (CostMinor != other.CostMinor)
        {
            return CostMinor < other.CostMinor;
        }

        // busy/printers compared without dividing: a maker with 1 of 4 busy is less loaded than one with 1 of 2.
        var load = ((long)MakerBusy * other.MakerPrinters).CompareTo((long)other.MakerBusy * MakerPrinters);
        return load != 0 ? load < 0 : Printer < other.Printer;
    }
}
