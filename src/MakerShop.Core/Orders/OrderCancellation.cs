namespace MakerShop.Core;

/// <summary>
/// What cancelling an order does to its print jobs. Printed units stay as they are (the parts exist). A waiting job is
/// cancelled. A job already on a printer is cancelled too and its printer is told to stop: the customer asked not to
/// have the part, and finishing it would spend the printer's next hours and the filament on nothing. The job is marked
/// Cancelled before the printer hears of it, which is how the shop tells its own cancel from one made at the machine.
/// </summary>
public static class OrderCancellation
{
    /// <summary>Cancels the order and its unprinted jobs; returns the jobs that changed and those whose printer must stop.</summary>
    public static CancellationPlan Cancel(Order order, IReadOnlyList<PrintJob> jobs, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(jobs);
        if (jobs.Any(j => !string.Equals(j.OrderId, order.Id, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Every job must belong to order {order.Id}.", nameof(jobs));
        }

        order.Cancel(at);
        var cancelled = new List<PrintJob>();
        var stop = new List<PrinterStop>();
        foreach (var job in jobs)
        {
            if (job.IsTerminal)
            {
                continue;
            }

            var wasActive = job.IsActive;
            var onlyReserved = job.Status == PrintJobStatus.Assigned;
            job.Cancel(at);
            cancelled.Add(job);
            if (wasActive && job.PrinterId is not null)
            {
                stop.Add(new PrinterStop(job, job.PrinterId, onlyReserved));
            }
        }

        return new CancellationPlan(cancelled, stop);
    }
}
