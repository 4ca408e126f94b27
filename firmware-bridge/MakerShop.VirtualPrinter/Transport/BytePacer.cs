namespace MakerShop.VirtualPrinter.Transport;

/// <summary>
/// One direction of a serial link as an absolute timeline in real time. Bytes handed to the wire start when it
/// next falls idle (or now, if it already is), take 1/rate seconds each, and reach the far end
/// <see cref="Latency"/> after their last bit: <c>start = max(now, idleAt); idleAt = start + bytes/rate;
/// arrival = idleAt + latency</c>. Arrival times are computed when bytes are handed over, never from when a
/// previous delivery happened to wake up, so a late timer is not carried into the next line and a busy wire runs at
/// exactly its rate. Host idle time earns no credit: after a pause the wire starts from now, as a real UART does.
/// Latency is added to arrival only, so it is pipelined and never lowers the throughput of a busy wire.
/// </summary>
internal sealed class BytePacer
{
    /// <summary>
    /// Deliveries this close are made at once rather than slept for; on real time <see cref="PreciseDelay"/> wakes
    /// within about as much either side of a deadline, on other clocks a timer cannot do better than a millisecond.
    /// </summary>
    public static readonly TimeSpan Tolerance = PreciseDelay.Tolerance;

    private readonly TimeProvider timeProvider;
    private readonly double bytesPerSecond;
    private readonly long origin;
    private readonly Lock gate = new();

    // The wire has been busy without a gap since busySince, carrying bytesSinceBusy bytes: no rounding accumulates.
    private TimeSpan busySince;
    private long bytesSinceBusy;

    /// <param name="bytesPerSecond">The wire's rate; <see cref="double.PositiveInfinity"/> for no limit (latency only).</param>
    /// <param name="latency">Added to every arrival, e.g. a USB-serial adapter's frame delay.</param>
    /// <param name="timeProvider">Real time in the printer, fake time in tests.</param>
    public BytePacer(double bytesPerSecond, TimeSpan latency, TimeProvider timeProvider)
    {
        if (!(bytesPerSecond > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerSecond), bytesPerSecond, "The rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        this.bytesPerSecond = bytesPerSecond;
        this.timeProvider = timeProvider;
        Latency = latency;
        origin = timeProvider.GetTimestamp();

        // About 10 ms of wire per piece of a long run without newlines, so such data trickles in rather than lands whole.
        ChunkSize = double.IsPositiveInfinity(bytesPerSecond) ? 4096 : (int)Math.Clamp(bytesPerSecond / 100, 1, 4096);
    }

    /// <summary>The most bytes delivered as one piece when data comes without line breaks.</summary>
    public int ChunkSize { get; }

    public TimeSpan Latency { get; }

    /// <summary>Now on this pacer's timeline.</summary>
    public TimeSpan Now => timeProvider.GetElapsedTime(origin);

    /// <summary>When the wire next falls idle; in the past when it is idle already.</summary>
    public TimeSpan IdleAt
    {
        get
        {
            lock (gate)
            {
                return busySince + WireTime(bytesSinceBusy);
            }
        }
    }

    /// <summary>
    /// 8N1: a start bit, eight data bits and a stop bit, so baud/10 bytes per second; no baud rate means no limit,
    /// with only the latency left.
    /// </summary>
    public static BytePacer ForBaud(int? baudRate, TimeSpan latency, TimeProvider timeProvider) =>
        new(baudRate is { } baud ? Math.Max(1, baud / 10) : double.PositiveInfinity, latency, timeProvider);

    /// <summary>How long <paramref name="bytes"/> occupy the wire.</summary>
    public TimeSpan WireTime(long bytes) =>
        double.IsPositiveInfinity(bytesPerSecond) ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Round(bytes * TimeSpan.TicksPerSecond / bytesPerSecond));

    /// <summary>Puts <paramref name="bytes"/> on the wire behind whatever is on it; returns when the last reaches the far end.</summary>
    public TimeSpan Schedule(int bytes)
    {
        lock (gate)
        {
            var now = Now;
            if (busySince + WireTime(bytesSinceBusy) <= now)
            {
                busySince = now;
                bytesSinceBusy = 0;
            }

            bytesSinceBusy += bytes;
            return busySince + WireTime(bytesSinceBusy) + Latency;
        }
    }

    /// <summary>
    /// Completes at <paramref name="at"/> on this timeline, give or take <see cref="Tolerance"/>, without sleeping
    /// at all when it is that close. A late or early wake-up is never carried over: the next deadline is already
    /// fixed on the timeline.
    /// </summary>
    public Task WaitUntilAsync(TimeSpan at, CancellationToken cancellationToken) => SleepAsync(at - Now, cancellationToken);

    /// <summary>A sleep on this pacer's clock: precise on real time, a plain timer on any other (a test's fake time).</summary>
    public Task SleepAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay < Tolerance)
        {
            return Task.CompletedTask;
        }

        return ReferenceEquals(timeProvider, TimeProvider.System)
            ? PreciseDelay.DelayAsync(delay, cancellationToken)
            : Task.Delay(delay, timeProvider, cancellationToken);
    }

    /// <summary>Whether something arriving at <paramref name="at"/> is due now, in the sense of <see cref="WaitUntilAsync"/>.</summary>
    public bool IsDue(TimeSpan at) => at - Now < Tolerance;
}
