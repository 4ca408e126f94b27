namespace MakerShop.Bench.MakerLive;

/// <summary>Collects publish-to-delivery delays while the measurement window is open; thread-safe.</summary>
internal sealed class DelayRecorder
{
    private readonly Lock _gate = new();
    private readonly List<double> _millis = [];
    private volatile bool _open;
    private long _delivered;

    public void Open() => _open = true;

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
        lock (_gate)
        {
            _millis.Add(millis);
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
