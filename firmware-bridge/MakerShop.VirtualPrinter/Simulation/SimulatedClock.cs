namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// The printer's own timeline, TimeScale times faster than real time. Work is booked onto the timeline and the
/// caller only really waits once the timeline has run ahead of the wall clock by more than a few milliseconds,
/// so a file of 50,000 short moves costs a few hundred timer waits, not 50,000.
/// </summary>
internal sealed class SimulatedClock
{
    private static readonly TimeSpan MinimumRealWait = TimeSpan.FromMilliseconds(15);

    private readonly TimeProvider timeProvider;
    private readonly double timeScale;
    private readonly long origin;
    private readonly Lock gate = new();
    private TimeSpan timeline;
    private TimeSpan spent;

    public SimulatedClock(TimeProvider timeProvider, double timeScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        this.timeProvider = timeProvider;
        this.timeScale = timeScale;
        origin = timeProvider.GetTimestamp();
    }

    /// <summary>Simulated time since start-up; idle time counts, so heaters keep heating between commands.</summary>
    public TimeSpan Now
    {
        get
        {
            lock (gate)
            {
                return Max(timeline, RealNowSimulated());
            }
        }
    }

    public TimeSpan TotalSpent
    {
        get
        {
            lock (gate)
            {
                return spent;
            }
        }
    }

    public TimeSpan ToReal(TimeSpan simulated) => simulated / timeScale;

    public Task SpendAsync(TimeSpan simulated, CancellationToken cancellationToken = default)
    {
        if (simulated <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        TimeSpan lag;
        lock (gate)
        {
            var realNow = RealNowSimulated();
            timeline = Max(timeline, realNow) + simulated;
            spent += simulated;
            lag = ToReal(timeline - realNow);
        }

        return lag < MinimumRealWait ? Task.CompletedTask : Task.Delay(lag, timeProvider, cancellationToken);
    }

    private TimeSpan RealNowSimulated() => timeProvider.GetElapsedTime(origin) * timeScale;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
