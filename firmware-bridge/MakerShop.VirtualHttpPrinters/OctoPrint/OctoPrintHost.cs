using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// OctoPrint's own behaviour on top of the simulated machine, as read in OctoPrint 1.11's <c>printer/standard.py</c>,
/// <c>util/comm.py</c> and <c>server/api/*.py</c>: the transitional states, paced by the machine's clock; a closed
/// serial link (a disconnect, or the port closed after an emergency stop) aborts the print and forgets the selected
/// file; the default <c>afterPrintCancelled</c> script runs once a cancel is through.
/// </summary>
public sealed class OctoPrintHost(SimulatedHttpPrinter printer, FakeOctoPrintTimings timings)
{
    /// <summary>The error OctoPrint leaves after an M112 (<c>_trigger_emergency_stop</c>); the state reads "Offline after error".</summary>
    public const string EmergencyStopError = "Closing serial port due to emergency stop M112.";

    /// <summary>
    /// OctoPrint's default <c>afterPrintCancelled</c> script (<c>schema/config/scripts.py</c>) for a one-hotend printer
    /// with a heated bed: motors off, the <c>disable_hotends</c> and <c>disable_bed</c> snippets, fan off.
    /// </summary>
    public static readonly IReadOnlyList<string> AfterPrintCancelledScript = ["M84", "M104 T0 S0", "M140 S0", "M106 S0"];

    /// <summary>Sent past the queue on an M112: OctoPrint turns every heater off itself in case the M112 was lost.</summary>
    public static readonly IReadOnlyList<string> EmergencyStopCommands = ["M112", "M104 T0 S0", "M140 S0"];

    private readonly Lock _lock = new();
    private OctoPrintPhase _phase;
    private DateTimeOffset _phaseUntil;

    public SimulatedHttpPrinter Printer => printer;

    public OctoPrintHostView View()
    {
        lock (_lock)
        {
            return Settle();
        }
    }

    /// <summary>Starts the selected file, or <paramref name="name"/>; refused while any job is active, transitional states included.</summary>
    public SimulatedCommandResult Start(string? name = null)
    {
        lock (_lock)
        {
            var view = Settle();
            if (!view.Operational)
            {
                return SimulatedCommandResult.NotOperational;
            }

            if (view.Busy)
            {
                return SimulatedCommandResult.Busy;
            }

            var result = printer.Start(name);
            if (result == SimulatedCommandResult.Done)
            {
                Enter(OctoPrintPhase.Starting, timings.Starting);
            }

            return result;
        }
    }

    /// <summary>A pause while paused, pausing or cancelling changes nothing and is still a success, as in <c>pause_print</c>.</summary>
    public SimulatedCommandResult Pause()
    {
        lock (_lock)
        {
            var view = Settle();
            if (Inactive(view) is { } refused)
            {
                return refused;
            }

            if (view.Paused || view.Phase is OctoPrintPhase.Pausing or OctoPrintPhase.Cancelling or OctoPrintPhase.Finishing)
            {
                return SimulatedCommandResult.Done;
            }

            var result = printer.Pause();
            if (result == SimulatedCommandResult.Done)
            {
                Enter(OctoPrintPhase.Pausing, timings.Pausing);
            }

            return result;
        }
    }

    /// <summary>A resume of anything but a settled pause changes nothing and is still a success, as in <c>resume_print</c>.</summary>
    public SimulatedCommandResult Resume()
    {
        lock (_lock)
        {
            var view = Settle();
            if (Inactive(view) is { } refused)
            {
                return refused;
            }

            if (!view.Paused)
            {
                return SimulatedCommandResult.Done;
            }

            var result = printer.Resume();
            if (result == SimulatedCommandResult.Done)
            {
                Enter(OctoPrintPhase.Resuming, timings.Resuming);
            }

            return result;
        }
    }

    public SimulatedCommandResult TogglePause() => View().Paused ? Resume() : Pause();

    /// <summary>A cancel while cancelling changes nothing (<c>cancelPrint</c> returns early); a finishing print is left to finish.</summary>
    public SimulatedCommandResult Cancel()
    {
        lock (_lock)
        {
            var view = Settle();
            if (Inactive(view) is { } refused)
            {
                return refused;
            }

            if (view.Phase is OctoPrintPhase.Cancelling or OctoPrintPhase.Finishing)
            {
                return SimulatedCommandResult.Done;
            }

            var result = printer.Cancel();
            if (result == SimulatedCommandResult.Done)
            {
                Enter(OctoPrintPhase.Cancelling, timings.Cancelling);
            }

            return result;
        }
    }

    /// <summary>The printer behind OctoPrint is switched off: a connect finds no port that answers and the link closes with an error.</summary>
    public const string NoPortError = "No more candidates to test, and no working port/baudrate combination detected.";

    /// <summary>While set, the printer behind OctoPrint is switched off, so a connect fails as <see cref="NoPortError"/>.</summary>
    public bool PrinterSwitchedOff { get; set; }

    /// <summary>POST /api/connection connect: a no-op while a link is open (<c>connect</c> returns when <c>_comm</c> exists).</summary>
    public void Connect()
    {
        lock (_lock)
        {
            if (PrinterSwitchedOff)
            {
                // OctoPrint answers 204 at once; the autodetection then fails and leaves "Offline after error".
                printer.DropLinkAndForget(NoPortError);
                _phase = OctoPrintPhase.None;
            }
            else if (!printer.Snapshot().Operational)
            {
                printer.ResetAndReconnect();
                _phase = OctoPrintPhase.None;
            }
        }
    }

    /// <summary>POST /api/connection disconnect, or the serial link dropping: the print is aborted and the selection forgotten.</summary>
    public void Disconnect()
    {
        lock (_lock)
        {
            printer.DropLinkAndForget();
            _phase = OctoPrintPhase.None;
        }
    }

    /// <summary>M112 through the API: heaters off past the queue, then the port is closed with an error ("Offline after error").</summary>
    public void EmergencyStop()
    {
        lock (_lock)
        {
            printer.RunGcode(string.Join('\n', EmergencyStopCommands));
            printer.DropLinkAndForget(EmergencyStopError);
            _phase = OctoPrintPhase.None;
        }
    }

    private static SimulatedCommandResult? Inactive(OctoPrintHostView view) =>
        !view.Operational ? SimulatedCommandResult.NotOperational
        : !view.Busy ? SimulatedCommandResult.InvalidState
        : null;

    private void Enter(OctoPrintPhase phase, TimeSpan length)
    {
        _phase = phase;
        _phaseUntil = printer.Clock.GetUtcNow() + length;
    }

    /// <summary>Ends a transitional state whose time is up (running what follows it) and reads OctoPrint's view.</summary>
    private OctoPrintHostView Settle()
    {
        var machine = printer.Snapshot();
        if (!machine.Operational && machine.IsActive)
        {
            // The link went down under a running print (the machine was disconnected directly): OctoPrint aborts it.
            printer.DropLinkAndForget();
            _phase = OctoPrintPhase.None;
            machine = printer.Snapshot();
        }

        var now = machine.At;
        if (_phase != OctoPrintPhase.None && (now >= _phaseUntil || !Expected(_phase, machine.State)))
        {
            if (_phase == OctoPrintPhase.Cancelling && machine.State == SimulatedPrintState.Cancelled)
            {
                printer.RunGcode(string.Join('\n', AfterPrintCancelledScript));
            }

            _phase = OctoPrintPhase.None;
        }

        var phase = _phase;
        if (phase == OctoPrintPhase.None && machine.State == SimulatedPrintState.Complete && printer.CompletedAt is { } completedAt && now < completedAt + timings.Finishing)
        {
            phase = OctoPrintPhase.Finishing;
        }

        var text = !machine.Operational ? (machine.State == SimulatedPrintState.Error ? "Offline after error" : "Offline")
            : machine.State == SimulatedPrintState.Error ? "Error"
            : phase switch
            {
                OctoPrintPhase.Starting => "Starting",
                OctoPrintPhase.Pausing => "Pausing",
                OctoPrintPhase.Resuming => "Resuming",
                OctoPrintPhase.Cancelling => "Cancelling",
                OctoPrintPhase.Finishing => "Finishing",
                _ => machine.State switch
                {
                    SimulatedPrintState.Printing => "Printing",
                    SimulatedPrintState.Paused => "Paused",
                    _ => "Operational",
                },
            };
        return new OctoPrintHostView(machine, phase, text, machine.State == SimulatedPrintState.Error ? machine.Message : null);
    }

    /// <summary>The machine state each transitional state leads to; anything else (a fault, a finished file) ends it early.</summary>
    private static bool Expected(OctoPrintPhase phase, SimulatedPrintState state) => phase switch
    {
        OctoPrintPhase.Starting or OctoPrintPhase.Resuming => state == SimulatedPrintState.Printing,
        OctoPrintPhase.Pausing => state == SimulatedPrintState.Paused,
        OctoPrintPhase.Cancelling => state == SimulatedPrintState.Cancelled,
        _ => false,
    };
}
