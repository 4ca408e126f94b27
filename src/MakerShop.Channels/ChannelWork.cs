namespace MakerShop.Channels;

/// <summary>
/// Wakes a channel worker at once when there is new work instead of at its next poll; the poll stays as the safety net
/// for work written by another node or before a restart.
/// </summary>
public abstract class ChannelWork : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one wake-up covers any number of new rows.
        }
    }

    public void Dispose()
    {
        _signal.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for a wake-up or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan poll, CancellationToken cancellationToken) => await _signal.WaitAsync(poll, cancellationToken);
}

/// <summary>A channel delivery was stored or put back in line.</summary>
public sealed class DeliveryWork : ChannelWork;

/// <summary>A fulfilment is owed to a channel.</summary>
public sealed class FulfilmentWork : ChannelWork;
