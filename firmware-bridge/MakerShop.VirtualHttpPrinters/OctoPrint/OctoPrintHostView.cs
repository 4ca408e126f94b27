using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// What OctoPrint shows at one instant: its state text and flags (<c>_getStateFlags</c> in
/// <c>printer/standard.py</c>) over the machine's snapshot. Flags mean anything only while <see cref="Operational"/>:
/// otherwise <c>/api/printer</c> answers 409.
/// </summary>
public sealed record OctoPrintHostView(SimulatedPrinterSnapshot Machine, OctoPrintPhase Phase, string Text, string? Error)
{
    public bool Operational => Machine.Operational && Machine.State != SimulatedPrintState.Error;

    /// <summary>OctoPrint's <c>PRINTING_STATES</c>: Starting, Printing, Pausing, Resuming, Cancelling, Finishing.</summary>
    public bool Printing => Operational && (Phase != OctoPrintPhase.None || Machine.State == SimulatedPrintState.Printing);

    public bool Paused => Operational && Phase == OctoPrintPhase.None && Machine.State == SimulatedPrintState.Paused;

    /// <summary>A print job is active: the job API takes pause and cancel, and refuses a start or a new selection.</summary>
    public bool Busy => Printing || Paused;

    public bool Ready => Operational && !Busy;
}
