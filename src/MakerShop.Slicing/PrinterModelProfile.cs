namespace MakerShop.Slicing;

/// <summary>
/// One printer model the shop slices for: its PrusaSlicer printer profile (config/slicing/printers/NAME.ini) and the
/// bed, height and nozzle that profile declares. A printer in the fleet is of this model when its build volume and
/// nozzle are these.
/// </summary>
public sealed record PrinterModelProfile(string Name, string File, double BedX, double BedY, double MaxHeight, double NozzleDiameter)
{
    // Build volumes are typed in by hand at registration; half a millimetre is the same machine.
    private const double SizeTolerance = 0.5;

    public bool Describes(double buildX, double buildY, double buildZ, double nozzleDiameter) =>
        Math.Abs(buildX - BedX) <= SizeTolerance && Math.Abs(buildY - BedY) <= SizeTolerance
        && Math.Abs(buildZ - MaxHeight) <= SizeTolerance && Math.Abs(nozzleDiameter - NozzleDiameter) < 0.01;
}
