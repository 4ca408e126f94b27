using MakerShop.Geometry.Gcode;

namespace MakerShop.Slicing;

/// <summary>
/// A finished slice: the G-code file (in a folder the caller now owns), the slicer's own estimates read from it,
/// and our analysis of the same file as a cross-check.
/// </summary>
public sealed record SliceOutput(
    string GcodePath,
    string Sha256,
    long SizeBytes,
    TimeSpan PrintTime,
    double FilamentGrams,
    double FilamentMm,
    int Layers,
    string? SlicerVersion,
    GcodeAnalysis Analysis);
