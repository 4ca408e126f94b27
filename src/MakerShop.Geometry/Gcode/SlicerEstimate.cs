namespace MakerShop.Geometry.Gcode;

/// <summary>What the slicer itself wrote into the file's comments; null where it wrote nothing usable.</summary>
public sealed record SlicerEstimate(string? Slicer, TimeSpan? PrintTime, double? FilamentMm, double? FilamentGrams);
