using System.Collections.Concurrent;

namespace MakerShop.Printers.Http;

/// <summary>
/// One lock per HTTP printer, held by a poll from its first request until its reports are applied, and by a command
/// until its acknowledgement is applied: so a poll read before an upload can never be applied after the upload's ack.
/// </summary>
public sealed class HttpPrinterLocks : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> EnterAsync(string printerId, CancellationToken cancellationToken = default)
    {
        var semaphore = _locks.GetOrAdd(printerId, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Releaser(semaphore);
    }

    /// <summary>Null when the printer is busy with a command (an upload can take minutes); the caller skips it this time.</summary>
    public async Task<IDisposable?> TryEnterAsync(string printerId, CancellationToken cancellationToken = default)
    {
        var semaphore = _locks.GetOrAdd(printerId, _ => new SemaphoreSlim(1, 1));
        return await semaphore.WaitAsync(0, cancellationToken) ? new Releaser(semaphore) : null;
    }

    public void Dispose()
    {
        foreach (var semaphore in _locks.Values)
        {
            semaphore.Dispose();
        }
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
