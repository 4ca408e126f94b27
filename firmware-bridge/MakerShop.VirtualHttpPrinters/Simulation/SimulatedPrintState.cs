namespace MakerShop.VirtualHttpPrinters.Simulation;

/// <summary>Where the simulated machine's current (or last) print stands; named after Klipper's print_stats states.</summary>
public enum SimulatedPrintState
{
    Standby,
    Printing,
    Paused,
    Complete,
    Cancelled,
    Error,
}
