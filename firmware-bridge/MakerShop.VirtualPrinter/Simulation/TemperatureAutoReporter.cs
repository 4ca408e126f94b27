namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>M155: prints the heater line on its own, without "ok", every n simulated seconds.</summary>
internal sealed class TemperatureAutoReporter(SimulatedClock clock, Heaters heaters, Func<string, CancellationToken, Task> writeLine) : IDisposable
{
    // A floor on the real interval, so a huge TimeScale does not turn M155 into a flood.
    private static readonly TimeSpan MinimumRealInterval = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim changed = new(0);
    private long intervalTicks;

    public void SetInterval(TimeSpan simulated)
    {
        Interlocked.Exchange(ref intervalTicks, simulated.Ticks);
        changed.Release();
    }

    public async Task RunAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var current = TimeSpan.FromTicks(Interlocked.Read(ref intervalTicks));
            if (current <= TimeSpan.Zero)
            {
                await changed.WaitAsync(cancellationToken);
                continue;
            }

            var real = clock.ToReal(current);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(real < MinimumRealInterval ? MinimumRealInterval : real, timeProvider, cancellationToken);
            var interrupted = changed.WaitAsync(wake.Token);
            if (await Task.WhenAny(delay, interrupted) == delay)
            {
                await wake.CancelAsync();
                await delay;
                await writeLine(" " + heaters.Report(), cancellationToken);
            }
        }
    }

    public void Dispose() => changed.Dispose();
}
