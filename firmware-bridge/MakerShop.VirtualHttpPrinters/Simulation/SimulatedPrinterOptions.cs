namespace MakerShop.VirtualHttpPrinters.Simulation;

/// <summary>How fast the simulated machine prints: a file takes <c>size / BytesPerSecond</c> seconds of machine time.</summary>
public sealed record SimulatedPrinterOptions
{
    public string Name { get; init; } = "virtual";

    /// <summary>Machine time per byte of G-code; 60 bytes/s makes a 36 KB demo part take ten minutes.</summary>
    public double BytesPerSecond { get; init; } = 60;

    /// <summary>Machine seconds per real second: 60 makes a one-hour print take a minute.</summary>
    public double TimeScale { get; init; } = 1;

    public double ToolTarget { get; init; } = 210;

    public double BedTarget { get; init; } = 60;

    public double Ambient { get; init; } = 21.5;
}
