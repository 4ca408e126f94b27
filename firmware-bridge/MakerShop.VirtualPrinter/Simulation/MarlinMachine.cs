namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// Processes one command at a time against the simulated machine and returns the line that acknowledges it
/// ("ok", or "ok T:..." for M105). Moves only have to enter the planner; commands that need the machine still
/// (G4, G28, M400, M84) drain it first, as Marlin's <c>planner.synchronize()</c> does. Anything printed before the
/// ok goes through <paramref name="writeLine"/>.
/// </summary>
internal sealed class MarlinMachine(
    VirtualPrinterOptions options,
    SimulatedClock clock,
    Heaters heaters,
    MotionPlanner planner,
    TemperatureAutoReporter autoReporter,
    Func<string, CancellationToken, Task> writeLine)
{
    public const string Ok = "ok";

    private static readonly TimeSpan HeaterReportInterval = TimeSpan.FromSeconds(1);
    private const double TemperatureWindow = 1;

    private readonly MotionState motion = new(options.DefaultFeedrateMmPerMin, options.MaxFeedrateMmPerMin);

    // Marlin's DEFAULT_KEEPALIVE_INTERVAL; M113 changes it and S0 turns the busy lines off.
    private TimeSpan busyInterval = options.BusyWhileHeating ? TimeSpan.FromSeconds(2) : TimeSpan.Zero;

    public async Task<string> ExecuteAsync(GcodeCommand command, CancellationToken cancellationToken)
    {
        switch (command.Code)
        {
            case "G0" or "G1":
                await planner.AddAsync(motion.Move(command), cancellationToken);
                return Ok;
            case "G2" or "G3":
                await planner.AddAsync(motion.Arc(command, clockwise: command.Code == "G2"), cancellationToken);
                return Ok;
            case "G4":
                await planner.DrainAsync(cancellationToken);
                await BlockAsync(DwellDuration(command), cancellationToken);
                return Ok;
            case "G28":
                await planner.DrainAsync(cancellationToken);
                motion.Home();
                await BlockAsync(options.HomingDuration, cancellationToken);
                return Ok;
            case "M400":
                await planner.DrainAsync(cancellationToken);
                return Ok;
            case "M84" or "M18":
                // Without S these switch the steppers off, which Marlin does only once they have stopped.
                if (!command.TryGet('S', out _))
                {
                    await planner.DrainAsync(cancellationToken);
                }

                return Ok;
            case "G90" or "G91":
                motion.SetRelative(command.Code == "G91");
                return Ok;
            case "M82" or "M83":
                motion.SetRelativeExtrusion(command.Code == "M83");
                return Ok;
            case "G92":
                motion.SetPosition(command);
                return Ok;
            case "M104" or "M140":
                Heater(command).SetTarget(command.Get('S', 0), clock.Now);
                return Ok;
            case "M109" or "M190":
                await HeatAndWaitAsync(command, cancellationToken);
                return Ok;
            case "M105":
                return "ok " + heaters.Report();
            case "M115":
                foreach (var line in FirmwareIdentity.Lines(options.AdvancedOk))
                {
                    await writeLine(line, cancellationToken);
                }

                return Ok;
            case "M155":
                autoReporter.SetInterval(TimeSpan.FromSeconds(command.Get('S', 0)));
                return Ok;
            case "M113":
                busyInterval = TimeSpan.FromSeconds(Math.Clamp(command.Get('S', 2), 0, 60));
                return Ok;
            case "M114":
                await planner.DrainAsync(cancellationToken);
                await writeLine(motion.PositionReport(options.CountAxes), cancellationToken);
                return Ok;
            case "M27":
                await writeLine("Not SD printing", cancellationToken);
                return Ok;
            case "M110" or "M106" or "M107" or "M73" or "M117" or "M118" or "T0":
                return Ok;
            default:
                await writeLine($"echo:Unknown command: \"{command.Text}\"", cancellationToken);
                return Ok;
        }
    }

    private SimulatedHeater Heater(GcodeCommand command) =>
        command.Code is "M140" or "M190" ? heaters.Bed : heaters.Hotend;

    private static TimeSpan DwellDuration(GcodeCommand command) =>
        command.TryGet('S', out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMilliseconds(command.Get('P', 0));

    /// <summary>A blocking command keeps the host's ok timeout alive with "busy" lines, as HOST_KEEPALIVE_FEATURE does.</summary>
    private async Task BlockAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var keepAlive = new KeepAlive(busyInterval);
        while (duration > TimeSpan.Zero)
        {
            var step = keepAlive.Enabled && duration > keepAlive.Interval ? keepAlive.Interval : duration;
            await clock.SpendAsync(step, cancellationToken);
            duration -= step;
            if (duration > TimeSpan.Zero && keepAlive.Elapse(step))
            {
                await writeLine(KeepAlive.BusyLine, cancellationToken);
            }
        }
    }

    /// <summary>M109/M190: S waits only while heating up, R waits for the target either way.</summary>
    private async Task HeatAndWaitAsync(GcodeCommand command, CancellationToken cancellationToken)
    {
        var heater = Heater(command);
        var waitBothWays = command.TryGet('R', out var target);
        if (!waitBothWays)
        {
            target = command.Get('S', heater.Target);
        }

        heater.SetTarget(target, clock.Now);
        var goal = Math.Max(target, heater.Ambient);
        var keepAlive = new KeepAlive(busyInterval);
        while (waitBothWays
            ? Math.Abs(heater.ActualAt(clock.Now) - goal) > TemperatureWindow
            : target > 0 && heater.ActualAt(clock.Now) < target - TemperatureWindow)
        {
            await clock.SpendAsync(HeaterReportInterval, cancellationToken);
            await writeLine(" " + heaters.Report() + " W:?", cancellationToken);
            if (keepAlive.Elapse(HeaterReportInterval))
            {
                await writeLine(KeepAlive.BusyLine, cancellationToken);
            }
        }
    }
}
