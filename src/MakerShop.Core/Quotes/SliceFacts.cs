namespace MakerShop.Core.Quotes;

/// <summary>What the slice of a part says it takes: machine time and filament.</summary>
public sealed record SliceFacts(TimeSpan PrintTime, double FilamentGrams, double FilamentMm, int Layers)
{
    public static SliceFacts Create(TimeSpan printTime, double filamentGrams, double filamentMm, int layers)
    {
        if (printTime <= TimeSpan.Zero)
        {
            throw new DomainValidationException("slice.printTime", "A slice must take some time to print.");
        }

        if (!double.IsFinite(filamentGrams) || filamentGrams < 0 || !double.IsFinite(filamentMm) || filamentMm < 0)
        {
            throw new DomainValidationException("slice.filament", "The filament used by a slice must be a finite, non-negative amount.");
        }

        return new SliceFacts(printTime, filamentGrams, filamentMm, layers);
    }
}
