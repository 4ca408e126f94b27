namespace MakerShop.Web.Quotes;

/// <summary>One slicing slot held for a client; disposing gives it back once.</summary>
public sealed class SliceSlot : IDisposable
{
    private readonly SliceQueue _queue;
    private readonly string _client;
    private int _released;

    internal SliceSlot(SliceQueue queue, string client)
    {
        _queue = queue;
        _client = client;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _queue.Leave(_client);
        }
    }
}
