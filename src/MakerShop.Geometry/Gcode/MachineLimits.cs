namespace MakerShop.Geometry.Gcode;

/// <summary>
/// The motion limits the estimate assumes until the file sets its own (M201, M203, M204, M205). The defaults are
/// Marlin 2's stock configuration (3000 mm/s², junction deviation 0.013 mm); a slicer that writes its limits into the G-code overrides them.
/// </summary>
public sealed record MachineLimits
{
    public static MachineLimits Default { get; } = new();

    /// <summary>mm/s² for printing moves (M204 P or S).</summary>
    public double PrintAcceleration { get; init; } = 3000;

    /// <summary>mm/s² for travel moves (M204 T).</summary>
    public double TravelAcceleration { get; init; } = 3000;

    /// <summary>mm/s² for retractions (M204 R).</summary>
    public double RetractAcceleration { get; init; } = 3000;

    /// <summary>Per-axis limits (M201), mm/s².</summary>
    public double MaxAccelerationXy { get; init; } = 5000;

    public double MaxAccelerationZ { get; init; } = 200;

    public double MaxAccelerationE { get; init; } = 5000;

    /// <summary>Per-axis feed rate limits (M203), mm/s.</summary>
    public double MaxFeedRateXy { get; init; } = 300;

    public double MaxFeedRateZ { get; init; } = 12;

    public double MaxFeedRateE { get; init; } = 120;

    /// <summary>Junction deviation in mm (M205 J); when the file gives a jerk instead (M205 X) it is converted.</summary>
    public double JunctionDeviation { get; init; } = 0.013;

    /// <summary>Feed rate before the file sets one, mm/s.</summary>
    public double InitialFeedRate { get; init; } = 25;

    /// <summary>Millimetres; used for the filament weight when the file does not say.</summary>
    public double FilamentDiameter { get; init; } = 1.75;

    /// <summary>g/cm³; PLA unless the file or the caller says otherwise.</summary>
    public double FilamentDensity { get; init; } = 1.24;
}
