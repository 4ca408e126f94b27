namespace MakerShop.VirtualHttpPrinters.Simulation;

/// <summary>What the machine made of a request; each server turns it into its own status code and error body.</summary>
public enum SimulatedCommandResult
{
    Done,
    /// <summary>The firmware link is down (OctoPrint "Offline", Klippy not ready).</summary>
    NotOperational,
    /// <summary>A print is active, so the request would disturb it.</summary>
    Busy,
    /// <summary>The command does not fit the print's state (resume when nothing is paused).</summary>
    InvalidState,
    NoSuchFile,
}
