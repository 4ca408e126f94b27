using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Production;

namespace MakerShop.Web.Admin.Queue;

/// <summary>
/// The owner's changes to the production queue: move a waiting job up or down (by setting the owner's priority the
/// scheduler honours first), set a priority outright, cancel a waiting job, and requeue a failed or cancelled one as a
/// new attempt. Each is one transaction with its timeline entry; the dispatcher is woken afterwards.
/// </summary>
public sealed class QueueActions(SqliteConnectionFactory connections, ProductionGate gate, IDispatchTrigger dispatch, ISchedulingPolicy policy, TimeProvider time)
{
    public Task<string> MoveAsync(string jobId, QueueMove move, CancellationToken cancellationToken = default) =>
        ChangeAsync(jobId, async (session, job, now) =>
        {
            var queued = await PrintJobStore.ListByStatusAsync(session, [PrintJobStatus.Queued], cancellationToken);
            // Held jobs wait at the end whatever their priority, so a job only swaps with a neighbour of its own kind.
            var order = policy.QueueOrder(queued, now).Where(j => j.Held == job.Held).ToList();
            var index = IndexOf(order, job.Id);
            var neighbour = move == QueueMove.Up ? index - 1 : index + 1;
            if (index < 0 || neighbour < 0 || neighbour >= order.Count)
            {
                return $"Job {job.Id} is already {(move == QueueMove.Up ? "first" : "last")} in the queue.";
            }

            var changes = OwnerPriority.SwapWithNext(order, Math.Min(index, neighbour));
            var other = order[neighbour];
            var direction = move.ToString().ToLowerInvariant();
            foreach (var (changed, priority) in changes)
            {
                // The moved job's own tracked copy is the one saved, so its timeline says what the owner did.
                var target = changed.Id == job.Id ? job : changed;
                target.SetPriority(priority, now);
                var detail = target.Id == job.Id
                    ? $"moved {direction} past {other.Id} by the owner (priority {priority})"
                    : $"priority {priority}, renumbered so job {job.Id} moved {direction} one place";
                await SaveAsync(session, target, "Reprioritised", detail, now, cancellationToken);
            }

            return $"Job {job.Id} moved {direction} past {other.Id} (priority {job.Priority}).";
        }, cancellationToken);

    public Task<string> SetPriorityAsync(string jobId, int priority, CancellationToken cancellationToken = default) =>
        ChangeAsync(jobId, async (session, job, now) =>
        {
            if (job.SetPriority(priority, now))
            {
                await SaveAsync(session, job, "Reprioritised", $"priority {priority}, set by the owner", now, cancellationToken);
            }

            return $"Job {job.Id} has priority {priority}.";
        }, cancellationToken);

    public Task<string> CancelWaitingAsync(string jobId, CancellationToken cancellationToken = default) =>
        ChangeAsync(jobId, async (session, job, now) =>
        {
            if (job.Status != PrintJobStatus.Queued)
            {
                throw new InvalidTransitionException("PrintJob", job.Id, job.Status.ToString(), nameof(PrintJobStatus.Cancelled),
                    "only a waiting job is cancelled from the queue; cancel the order to stop one on a printer");
            }

            job.Cancel(now);
            await SaveAsync(session, job, "Cancelled", "by the owner from the queue", now, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, job.OrderId, "NeedsAttention",
                $"unit {job.UnitIndex + 1} was cancelled by the owner; requeue it or cancel the order", now, cancellationToken);
            return $"Job {job.Id} cancelled.";
        }, cancellationToken);

    /// <summary>Requeues the unit as a new attempt; returns the new job's id in the message.</summary>
    public Task<string> RequeueAsync(string jobId, CancellationToken cancellationToken = default) =>
        ChangeAsync(jobId, async (session, job, now) =>
        {
            var order = await OrderStore.GetAsync(session, job.OrderId, cancellationToken) ?? throw new AdminNotFoundException($"order {job.OrderId}");
            var attempts = await PrintJobStore.ListByOrderAsync(session, job.OrderId, cancellationToken);
            var retry = OwnerRequeue.Requeue(order, job, attempts, Ids.NewJobId(), now);
            await PrintJobStore.InsertAsync(session, retry, cancellationToken);
            await TimelineStore.AddJobEventAsync(session, retry.Id, null, "Queued", $"requeued by the owner after {job.Id} ({job.Status}), attempt {retry.Attempt}", now, cancellationToken);
            return $"Job {job.Id} requeued as {retry.Id} (attempt {retry.Attempt}).";
        }, cancellationToken);

    private async Task<string> ChangeAsync(string jobId, Func<DbSession, PrintJob, DateTimeOffset, Task<string>> change, CancellationToken cancellationToken)
    {
        string message;
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            var job = await PrintJobStore.GetAsync(session, jobId, cancellationToken) ?? throw new AdminNotFoundException($"job {jobId}");
            message = await change(session, job, time.GetUtcNow());
            await session.CommitAsync(cancellationToken);
        }

        await dispatch.RequestDispatchAsync(CancellationToken.None);
        return message;
    }

    private static async Task SaveAsync(DbSession session, PrintJob job, string kind, string detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await PrintJobStore.UpdateAsync(session, job, cancellationToken);
        await TimelineStore.AddJobEventAsync(session, job.Id, null, kind, detail, at, cancellationToken);
    }

    private static int IndexOf(List<PrintJob> jobs, string id)
    {
        for (var i = 0; i < jobs.Count; i++)
        {
            if (jobs[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}
