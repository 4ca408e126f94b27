namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// OctoPrint's short-lived states between the ones the machine settles in (<c>STATE_STARTING</c> and the others in
/// <c>MachineCom</c>): each lasts until the firmware has answered what OctoPrint sent for it.
/// </summary>
public enum OctoPrintPhase
{
    None,
    Starting,
    Pausing,
    Resuming,
    Cancelling,
    Finishing,
}
