namespace MakerShop.VirtualHttpPrinters.Simulation;

/// <summary>The machine at one instant, read under its lock so every field agrees with the others.</summary>
public sealed record SimulatedPrinterSnapshot(
    bool Operational,
    SimulatedPrintState State,
    string? File,
    long FileSize,
    double Progress,
    TimeSpan PrintTime,
    TimeSpan? TimeLeft,
    double ToolActual,
    double ToolTarget,
    double BedActual,
    double BedTarget,
    string? Message,
    DateTimeOffset At)
{
    public bool IsActive => State is SimulatedPrintState.Printing or SimulatedPrintState.Paused;

    public long FilePosition => (long)Math.Round(FileSize * Progress);
}
