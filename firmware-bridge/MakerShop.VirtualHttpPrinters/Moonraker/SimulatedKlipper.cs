using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.VirtualHttpPrinters.Moonraker;

/// <summary>
/// What Klipper does that the shared machine does not: CANCEL_PRINT leaves the heaters at their targets until
/// TURN_OFF_HEATERS; a shutdown pauses the virtual SD card, so <c>print_stats</c> reads "paused" while <c>webhooks</c>
/// carries the shutdown and its message; a restart drops the print and clears <c>print_stats</c> to an empty standby.
/// </summary>
internal sealed class SimulatedKlipper(SimulatedHttpPrinter machine)
{
    /// <summary>What Klipper appends to the cause of a shutdown in its state message (klippy/extras/error_mcu.py).</summary>
    public const string ShutdownAdvice = "\nOnce the underlying issue is corrected, use the\n\"FIRMWARE_RESTART\" command to reset the firmware, reload the\nconfig, and restart the host software.\nPrinter is shutdown";

    private readonly Lock _lock = new();
    private int _heatersOffAfterPrints = -1;
    private SimulatedPrintState? _printStateAtShutdown;

    /// <summary>Klipper's invoke_shutdown: the cause's line, then the advice; the print (if any) stops where it is.</summary>
    public void Shutdown(string cause)
    {
        lock (_lock)
        {
            _printStateAtShutdown = machine.Snapshot().State;
            machine.Fault(cause + ShutdownAdvice);
        }
    }

    public void Restart()
    {
        lock (_lock)
        {
            _printStateAtShutdown = null;
            machine.Restart();
        }
    }

    /// <summary>Runs a G-code script, acting as Klipper on the commands the shop and its tests send.</summary>
    public void RunGcode(string script)
    {
        machine.RunGcode(script);
        foreach (var line in script.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (command)
            {
                case "TURN_OFF_HEATERS":
                    lock (_lock)
                    {
                        _heatersOffAfterPrints = machine.PrintsStarted.Count;
                    }

                    break;
                case "FIRMWARE_RESTART" or "RESTART":
                    Restart();
                    return;
                case "M112":
                    Shutdown("Shutdown due to M112 command");
                    return;
            }
        }
    }

    /// <summary>Heater targets after a cancel: kept, as Klipper keeps them, until TURN_OFF_HEATERS or the next print.</summary>
    public bool HeatersHeld(SimulatedPrinterSnapshot s)
    {
        lock (_lock)
        {
            return s.Operational && s.State == SimulatedPrintState.Cancelled && _heatersOffAfterPrints != machine.PrintsStarted.Count;
        }
    }

    /// <summary><c>print_stats.state</c>: in a shutdown, a print that was running or paused reads "paused".</summary>
    public string PrintState(SimulatedPrinterSnapshot s)
    {
        if (s.State != SimulatedPrintState.Error)
        {
            return Name(s.State);
        }

        SimulatedPrintState? before;
        lock (_lock)
        {
            before = _printStateAtShutdown;
        }

        return before switch
        {
            SimulatedPrintState.Printing or SimulatedPrintState.Paused => "paused",
            null or SimulatedPrintState.Error => s.File is null ? "standby" : "paused",
            { } other => Name(other),
        };
    }

    private static string Name(SimulatedPrintState state) => state.ToString().ToLowerInvariant();
}
