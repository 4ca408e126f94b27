namespace MakerShop.Bench.MakerLive;

/// <summary>Collects publish-to-delivery delays while the measurement window is open; thread-safe.</summary>
internal sealed class DelayRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];
    private readonly SortedDictionary<long, List<double>> _bySecond = [];
    private DateTimeOffset _openedAt;
    private volatile bool _open;
    private long _delivered;

    /// <summary>Starts a fresh window (what an earlier window recorded is dropped).</summary>
    public void Open()
    {
        lock (_gate)
        {
            _millis.Clear();
            _bySecond.Clear();
            Interlocked.Exchange(ref _delivered, 0);
            _openedAt = DateTimeOffset.UtcNow;
        }

        _open = true;
    }

    public void Close() => _open = false;

    public long Delivered => Interlocked.Read(ref _delivered);

    public void Record(DateTimeOffset publishedAt, DateTimeOffset receivedAt)
    {
        if (!_open)
        {
            return;
        }

        Interlocked.Increment(ref _delivered);
        var millis = (receivedAt - publishedAt).TotalMilliseconds;
        var second = (long)(receivedAt - _openedAt).TotalSeconds / 10 * 10;
        lock (_gate)
        {
            _millis.Add(millis);
            if (!_bySecond.TryGetValue(second, out var bucket))
            {
                _bySecond[second] = bucket = [];
            }

            bucket.Add(millis);
        }
    }

    /// <summary>p50/p99 per 10 s of the window, to tell a start-up wave from the steady state.</summary>
    public IEnumerable<string> Timeline()
    {
        lock (_gate)
        {
            return [.. _bySecond.Select(b => Percentiles.From(b.Value) is var p
                ? FormattableString.Invariant($"  {b.Key,3}-{b.Key + 10,3} s: {p.Count,7} readings, p50 {p.P50,8:0.0} ms, p99 {p.P99,8:0.0} ms, max {p.Max,8:0.0} ms")
                : "")];
        }
    }

    public Percentiles Summary()
    {
        lock (_gate)
        {
            return Percentiles.From(_millis);
        }
    }
}
