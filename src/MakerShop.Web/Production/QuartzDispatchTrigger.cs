using Quartz;

namespace MakerShop.Web.Production;

/// <summary>
/// Fires the dispatch job now. Requests that arrive while one is already waiting to run are folded into it,
/// so a burst of orders costs one pass, not one pass per order.
/// </summary>
public sealed class QuartzDispatchTrigger(ISchedulerFactory schedulers) : IDispatchTrigger
{
    private int _pending;

    public async Task RequestDispatchAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await scheduler.TriggerJob(DispatchJob.Key, cancellationToken);
        }
        catch
        {
            // Otherwise every later request would be folded into a trigger that never fired.
            Interlocked.Exchange(ref _pending, 0);
            throw;
        }
    }

    internal void MarkStarted() => Interlocked.Exchange(ref _pending, 0);
}
