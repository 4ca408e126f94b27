namespace MakerShop.Core;

/// <summary>
/// When the owner may print a unit again by hand: its latest attempt failed or was cancelled, no other attempt of the
/// unit is waiting, running or done, and the order still wants the part.
/// </summary>
public static class OwnerRequeue
{
    public static PrintJob Requeue(Order order, PrintJob job, IReadOnlyList<PrintJob> attemptsOfUnit, string newId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(attemptsOfUnit);
        if (order.Status is not (OrderStatus.Paid or OrderStatus.InProduction))
        {
            throw new InvalidTransitionException("PrintJob", job.Id, job.Status.ToString(), nameof(PrintJobStatus.Queued), $"its order is {order.Status}");
        }

        var other = attemptsOfUnit.FirstOrDefault(a => a.Id != job.Id && a.UnitIndex == job.UnitIndex && (a.Status == PrintJobStatus.Completed || !a.IsTerminal));
        if (other is not null)
        {
            throw new InvalidTransitionException(
                "PrintJob", job.Id, job.Status.ToString(), nameof(PrintJobStatus.Queued), $"attempt {other.Attempt} of the same unit is {other.Status} ({other.Id})");
        }

        if (attemptsOfUnit.Any(a => a.UnitIndex == job.UnitIndex && a.Attempt > job.Attempt))
        {
            throw new InvalidTransitionException("PrintJob", job.Id, job.Status.ToString(), nameof(PrintJobStatus.Queued), "a later attempt of the unit exists; requeue that one");
        }

        return job.CreateOwnerRequeue(newId, at);
    }
}
