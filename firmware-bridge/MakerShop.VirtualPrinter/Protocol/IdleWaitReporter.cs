using MakerShop.VirtualPrinter.Simulation;

namespace MakerShop.VirtualPrinter.Protocol;

/// <summary>
/// Marlin's NO_TIMEOUTS: while the command buffer is empty and the host has sent nothing for a simulated second,
/// print "wait" once a second, so a host that lost an ok can carry on.
/// </summary>
internal sealed class IdleWaitReporter(SimulatedClock clock, CommandBuffer buffer, Func<string, CancellationToken, Task> writeLine)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // A floor on the real interval, so a huge TimeScale does not turn "wait" into a flood.
    private static readonly TimeSpan MinimumRealInterval = TimeSpan.FromMilliseconds(50);

    private long lastHeardTicks;

    public void Heard() => Interlocked.Exchange(ref lastHeardTicks, clock.Now.Ticks);

    public async Task RunAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var real = clock.ToReal(Interval);
        while (true)
        {
            await Task.Delay(real < MinimumRealInterval ? MinimumRealInterval : real, timeProvider, cancellationToken);
            var silence = clock.Now - TimeSpan.FromTicks(Interlocked.Read(ref lastHeardTicks));
            if (buffer.Length == 0 && silence >= Interval)
            {
                await writeLine("wait", cancellationToken);
            }
        }
    }
}
