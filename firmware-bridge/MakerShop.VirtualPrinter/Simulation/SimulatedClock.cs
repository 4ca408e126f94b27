namespace MakerShop.VirtualPrinter.Simulation;

/// <summary>
/// The printer's own timeline, TimeScale times faster than real time. A wait that would end within a few real
/// milliseconds does not start a timer: the timeline simply runs ahead of the wall clock, so a file of 50,000
/// short moves costs a few hundred timer waits, not 50,000. The lead is bounded by those few milliseconds.
/// </summary>
internal sealed class SimulatedClock
{
    private static readonly TimeSpan MinimumRealWait = TimeSpan.FromMilliseconds(15);

    private readonly TimeProvider timeProvider;
    private readonly double timeScale;
    private readonly long origin;
    private readonly Lock gate = new();
    private TimeSpan lead;
    private TimeSpan busyUntil;
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
                return Max(lead, RealNowSimulated());
            }
        }
    }

    /// <summary>Simulated time during which the machine was busy; overlapping work (a heat-up while moves run) counts once.</summary>
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

    /// <summary>Books the machine as busy from <paramref name="start"/> to <paramref name="end"/>; work starts at now or later, so one high-water mark is enough.</summary>
    public void Occupy(TimeSpan start, TimeSpan end)
    {
        lock (gate)
        {
            if (end > busyUntil)
            {
                spent += end - Max(start, busyUntil);
                busyUntil = end;
            }
        }
    }

    /// <summary>Blocks the caller for <paramref name="simulated"/> and books that time as busy.</summary>
    public Task SpendAsync(TimeSpan simulated, CancellationToken cancellationToken = default)
    {
        if (simulated <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var start = Now;
        Occupy(start, start + simulated);
        return WaitUntilAsync(start + simulated, cancellationToken);
    }

    /// <summary>Completes once simulated time has reached <paramref name="instant"/>.</summary>
    public Task WaitUntilAsync(TimeSpan instant, CancellationToken cancellationToken = default)
    {
        TimeSpan realWait;
        lock (gate)
        {
            var realNow = RealNowSimulated();
            if (instant <= Max(lead, realNow))
            {
                return Task.CompletedTask;
            }

            realWait = ToReal(instant - realNow);
            if (realWait < MinimumRealWait)
            {
                lead = instant;
                return Task.CompletedTask;
            }
        }

        return WaitRealAsync(instant, realWait, cancellationToken);
    }

    private async Task WaitRealAsync(TimeSpan instant, TimeSpan realWait, CancellationToken cancellationToken)
    {
        await Task.Delay(realWait, timeProvider, cancellationToken);

        // A timer may fire a hair early; pin the timeline so the caller never sees time short of what it waited for.
        lock (gate)
        {
            lead = Max(lead, instant);
        }
    }

    private TimeSpan RealNowSimulated() => timeProvider.GetElapsedTime(origin) * timeScale;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
