namespace MakerShop.Core;

/// <summary>
/// The owner's say over the order of the queue. A priority beats every deadline rule of the scheduler, so "move up"
/// gives the job just enough to pass the job above it and no more: the rest of the queue keeps its own order.
/// </summary>
public static class OwnerPriority
{
    public const int Lowest = -1000;
    public const int Highest = 1000;

    /// <summary>The priority that puts <paramref name="job"/> ahead of <paramref name="above"/> (the job the queue shows before it).</summary>
    public static int ToPass(PrintJob job, PrintJob above)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(above);
        return Math.Clamp(Math.Max(job.Priority, above.Priority + 1), Lowest, Highest);
    }

    /// <summary>The priority that puts <paramref name="job"/> behind <paramref name="below"/> (the job the queue shows after it).</summary>
    public static int ToFallBehind(PrintJob job, PrintJob below)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(below);
        return Math.Clamp(Math.Min(job.Priority, below.Priority - 1), Lowest, Highest);
    }
}
