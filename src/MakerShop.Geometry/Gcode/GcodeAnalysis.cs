using MakerShop.Geometry.Meshes;

namespace MakerShop.Geometry.Gcode;

/// <summary>
/// A G-code file as our own analyser sees it: layers, extruded filament, the box the extrusions fill, and a print time
/// from a trapezoidal motion model with look-ahead. <see cref="Slicer"/> is what the slicer claimed, kept beside it.
/// </summary>
public sealed record GcodeAnalysis(
    long Lines,
    long Moves,
    int Layers,
    double FilamentMm,
    double FilamentGrams,
    BoundingBox ExtrusionBounds,
    TimeSpan EstimatedPrintTime,
    SlicerEstimate Slicer)
{
    /// <summary>
    /// How long the print takes: the slicer's own estimate (it knows the machine's accelerations and its preparation
    /// moves) when the file states one, else ours.
    /// </summary>
    public TimeSpan PrintTime => Slicer.PrintTime ?? EstimatedPrintTime;
}
