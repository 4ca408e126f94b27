namespace MakerShop.Core;

/// <summary>
/// One unit of an order as its customer follows it. A unit may have several print attempts; the customer sees the
/// latest, and a failed attempt that will be retried reads as "reprinting", not as a failure.
/// </summary>
public sealed record PartProgress(
    string ProductName,
    int UnitIndex,
    string Material,
    string Colour,
    PartPhase Phase,
    int Attempt,
    double? Progress,
    DateTimeOffset? ExpectedDoneAt)
{
    /// <summary>
    /// The units of an order from all their jobs. <paramref name="remainingByJob"/> carries the remaining time a printer
    /// reported for a running job; without it the estimate is the unprinted share of the job's estimated time.
    /// </summary>
    public static IReadOnlyList<PartProgress> For(
        Order order,
        IReadOnlyCollection<PrintJob> jobs,
        IReadOnlyDictionary<string, TimeSpan> remainingByJob,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(remainingByJob);
        var names = order.Lines.ToLookup(l => l.ProductId, l => l.ProductName);
        return [.. jobs
            .GroupBy(j => j.UnitIndex)
            .OrderBy(g => g.Key)
            .Select(g => Latest(g, names, remainingByJob, now))];
    }

    private static PartProgress Latest(IEnumerable<PrintJob> attempts, ILookup<string, string> names, IReadOnlyDictionary<string, TimeSpan> remainingByJob, DateTimeOffset now)
    {
        var job = attempts.OrderByDescending(j => j.Attempt).ThenByDescending(j => j.QueuedAt).First();
        var retried = job.Attempt > 1;
        var phase = job.Status switch
        {
            PrintJobStatus.Queued => retried ? PartPhase.Reprinting : PartPhase.Waiting,
            PrintJobStatus.Assigned or PrintJobStatus.Transferring => retried ? PartPhase.Reprinting : PartPhase.Preparing,
            PrintJobStatus.Printing => PartPhase.Printing,
            PrintJobStatus.Paused => PartPhase.Paused,
            PrintJobStatus.Completed => PartPhase.Printed,
            PrintJobStatus.Failed => job.Attempt < job.MaxAttempts ? PartPhase.Reprinting : PartPhase.Failed,
            _ => PartPhase.Cancelled,
        };
        DateTimeOffset? doneAt = null;
        if (phase is PartPhase.Printing)
        {
            var remaining = remainingByJob.TryGetValue(job.Id, out var reported)
                ? reported
                : job.EstimatedPrintTime * (1 - Math.Clamp(job.Progress ?? 0, 0, 1));
            doneAt = now + remaining;
        }

        var name = names[job.ProductId].FirstOrDefault() ?? job.ProductId;
        return new PartProgress(name, job.UnitIndex, job.Material, job.Colour, phase, job.Attempt, phase == PartPhase.Printed ? 1 : job.Progress, doneAt);
    }
}
