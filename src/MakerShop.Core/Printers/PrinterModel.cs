namespace MakerShop.Core;

/// <summary>
/// A printer model that G-code was sliced for (its slicer profile's name, bed and nozzle). A job carrying one prints
/// only on printers of that model: the bed size, start and end code and motion limits are baked into the G-code.
/// </summary>
public sealed record PrinterModel
{
    // Build volumes are typed in by hand at registration; half a millimetre is the same machine.
    private const double SizeTolerance = 0.5;

    public PrinterModel(string name, Size3 buildVolume, double nozzleDiameter)
    {
        Guard.NotBlank(name, "printerModel", "The printer model's name");
        if (!buildVolume.IsPositive)
        {
            throw new DomainValidationException("printerModel", "A printer model has a build volume greater than zero on every side.");
        }

        if (!double.IsFinite(nozzleDiameter) || nozzleDiameter <= 0)
        {
            throw new DomainValidationException("printerModel", "A printer model has a nozzle diameter greater than zero.");
        }

        Name = name;
        BuildVolume = buildVolume;
        NozzleDiameter = nozzleDiameter;
    }

    public string Name { get; }

    public Size3 BuildVolume { get; }

    public double NozzleDiameter { get; }

    public bool Describes(Size3 buildVolume, double nozzleDiameter) =>
        Math.Abs(buildVolume.X - BuildVolume.X) <= SizeTolerance
        && Math.Abs(buildVolume.Y - BuildVolume.Y) <= SizeTolerance
        && Math.Abs(buildVolume.Z - BuildVolume.Z) <= SizeTolerance
        && Math.Abs(nozzleDiameter - NozzleDiameter) < 0.01;
}
