using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// The owner's say over the order of the queue. A priority beats every deadline rule of the scheduler, so moving a job
/// one place must not hand it a priority that also passes every job nobody prioritised: the swap renumbers the smallest
/// block of jobs above the pair that it has to (strictly falling priorities down to the pair), and the rest of the queue
/// keeps its own priorities and order.
/// </summary>
public static class OwnerPriority
{
    public const int Lowest = -1000;
    public const int Highest = 1000;

    /// <summary>
    /// The priorities that swap <c>order[upper]</c> with <c>order[upper + 1]</c> in a queue the scheduler orders by
    /// priority first (<paramref name="order"/> is that queue as the configured policy takes it). Only the jobs whose
    /// priority changes are returned. Refused when the block would need a priority above <see cref="Highest"/>.
    /// </summary>
    public static IReadOnlyList<(PrintJob Job, int Priority)> SwapWithNext(IReadOnlyList<PrintJob> order, int upper)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (upper < 0 || upper + 1 >= order.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, "The pair to swap must both be in the queue.");
        }

        var wanted = order.ToList();
        (wanted[upper], wanted[upper + 1]) = (wanted[upper + 1], wanted[upper]);
        var changes = new List<(PrintJob Job, int Priority)>();

        // The lower of the pair must stay strictly above the job after it (ties would be settled by deadline rules).
        var bottom = upper + 1;
        var floor = bottom + 1 < wanted.Count ? wanted[bottom + 1].Priority + 1 : int.MinValue;
        var next = Math.Max(wanted[bottom].Priority, floor);
        Record(changes, wanted[bottom], next);
        for (var i = bottom - 1; i >= 0; i--)
        {
            // A job already strictly above the one below it, and untouched, keeps everything above it as it was.
            if (i < upper && wanted[i].Priority > next)
            {
                break;
            }

            next = Math.Max(wanted[i].Priority, next + 1);
            Record(changes, wanted[i], next);
        }

        return changes;
    }

    private static void Record(List<(PrintJob Job, int Priority)> changes, PrintJob job, int priority)
    {
        if (priority > Highest)
        {
            throw new DomainValidationException("move", string.Create(CultureInfo.InvariantCulture,
                $"Moving job {job.Id} would need a priority above {Highest}; set the priorities outright instead."));
        }

        if (priority != job.Priority)
        {
            changes.Add((job, priority));
        }
    }
}
