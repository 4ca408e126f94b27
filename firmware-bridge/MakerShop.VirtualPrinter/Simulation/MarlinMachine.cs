namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// Executes one command at a time against the simulated machine and returns the line that acknowledges it
/// ("ok", or "ok T:..." for M105). Anything printed before the ok goes through <paramref name="writeLine"/>.
/// </summary>
internal sealed class MarlinMachine(
    VirtualPrinterOptions options,
    SimulatedClock clock,
    Heaters heaters,
    TemperatureAutoReporter autoReporter,
    Func<string, CancellationToken, Task> writeLine)
{
    public const string Ok = "ok";

    // Marlin's DEFAULT_KEEPALIVE_INTERVAL.
    private static readonly TimeSpan BusyInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HeaterReportInterval = TimeSpan.FromSeconds(1);
    private const double TemperatureWindow = 1;

    private readonly MotionState motion = new(options.DefaultFeedrateMmPerMin, options.MaxFeedrateMmPerMin);

    public async Task<string> ExecuteAsync(GcodeCommand command, CancellationToken cancellationToken)
    {
        switch (command.Code)
        {
            case "G0" or "G1":
                await clock.SpendAsync(motion.Move(command), cancellationToken);
                return Ok;
            case "G4":
                await BlockAsync(DwellDuration(command), cancellationToken);
                return Ok;
            case "G28":
                motion.Home();
                await BlockAsync(options.HomingDuration, cancellationToken);
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
                foreach (var line in FirmwareIdentity.Lines())
                {
                    await writeLine(line, cancellationToken);
                }

                return Ok;
            case "M155":
                autoReporter.SetInterval(TimeSpan.FromSeconds(command.Get('S', 0)));
                return Ok;
            case "M110" or "M400" or "M84" or "M18" or "M106" or "M107" or "M73" or "M117" or "M118" or "T0":
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
        while (duration > TimeSpan.Zero)
        {
            var step = duration < BusyInterval ? duration : BusyInterval;
            await clock.SpendAsync(step, cancellationToken);
            duration -= step;
            if (step == BusyInterval && duration > TimeSpan.Zero)
            {
                await writeLine("echo:busy: processing", cancellationToken);
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
        var waited = TimeSpan.Zero;
        while (waitBothWays
            ? Math.Abs(heater.ActualAt(clock.Now) - goal) > TemperatureWindow
            : target > 0 && heater.ActualAt(clock.Now) < target - TemperatureWindow)
        {
            await clock.SpendAsync(HeaterReportInterval, cancellationToken);
            waited += HeaterReportInterval;
            await writeLine(" " + heaters.Report() + " W:?", cancellationToken);
            if (waited.Ticks % BusyInterval.Ticks == 0)
            {
                await writeLine("echo:busy: processing", cancellationToken);
            }
        }
    }
}
