namespace MakerShop.Core;

/// <summary>
/// Decides which queued job goes to which printer. Implementations are pure: same input, same output,
/// no clock and no I/O (the time is part of the snapshot), so the dispatcher can call them as often as it likes
/// and tests and the simulation need no fakes.
/// </summary>
public interface ISchedulingPolicy
{
    IReadOnlyList<JobAssignment> Schedule(SchedulingSnapshot snapshot);

    /// <summary>
    /// The waiting jobs in the order this policy takes them (owner's priority first, held jobs last): what the owner's
    /// queue page shows, so moving a job there moves it in the order the configured policy really follows.
    /// </summary>
    IReadOnlyList<PrintJob> QueueOrder(IReadOnlyList<PrintJob> jobs, DateTimeOffset now);
}
