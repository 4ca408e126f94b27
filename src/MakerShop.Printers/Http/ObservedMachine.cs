namespace MakerShop.Printers.Http;

/// <summary>What the server says about the machine behind it, in MakerShop's words.</summary>
public enum ObservedMachine
{
    /// <summary>The server runs but has no link to the firmware (OctoPrint "Offline"/"Closed", Klippy disconnected).</summary>
    Disconnected,
    Ready,
    Printing,
    Paused,
    /// <summary>A firmware fault or shutdown that needs a person.</summary>
    Error,
}
