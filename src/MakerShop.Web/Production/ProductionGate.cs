namespace MakerShop.Web.Production;

/// <summary>
/// Serialises the read-decide-write steps of production (dispatching, applying printer reports) inside this node,
/// so that two of them never decide on the same printer or job from stale reads. The database transaction is what
/// makes each step durable; this only avoids pointless conflicts between the host's own workers.
/// </summary>
public sealed class ProductionGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _semaphore.WaitAsync(cancellationToken);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

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
