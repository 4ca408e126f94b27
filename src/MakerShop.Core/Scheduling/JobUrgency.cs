namespace MakerShop.Core;

/// <summary>
/// Sort key of a queued job: the owner's priority first (higher first; it wins over every rule below); then jobs of orders that can still ship on time before lost causes (under overload, earliest
/// deadline first would otherwise spend the fleet on orders that are late anyway and make on-time ones late too);
/// then express first; then the latest moment it can start and still ship on time (ship-by minus print time: earliest
/// deadline first, corrected by how long the job takes); then the longest waiting; then the id.
/// </summary>
internal readonly struct JobUrgency(int index, PrintJob job, bool lostCause) : IComparable<JobUrgency>
{
    /// <summary>
    /// Late by more than this, a lost cause is back in deadline order, so no order waits behind on-time work for ever.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(48);

    public int Index { get; } = index;

    private readonly int _priority = job.Priority;
    private readonly bool _lostCause = lostCause;
    private readonly bool _express = job.Express;
    private readonly long _latestStart = (job.ShipBy - job.EstimatedPrintTime).UtcTicks;
    private readonly long _queuedAt = job.QueuedAt.UtcTicks;
    private readonly string _id = job.Id;

    /// <summary>The job cannot ship on time even if it starts now, but is not yet late by more than the grace.</summary>
    public static bool IsLostCause(PrintJob job, DateTimeOffset now)
    {
        var latestStart = job.ShipBy - job.EstimatedPrintTime;
        return latestStart < now && latestStart >= now - Grace;
    }

    public int CompareTo(JobUrgency other)
    {
        if (_priority != other._priority)
        {
            return other._priority.CompareTo(_priority);
        }

        if (_lostCause != other._lostCause)
        {
            return _lostCause ? 1 : -1;
        }

        if (_express != other._express)
        {
            return _express ? -1 : 1;
        }

        var c = _latestStart.CompareTo(other._latestStart);
        if (c != 0)
        {
            return c;
        }

        c = _queuedAt.CompareTo(other._queuedAt);
        return c != 0 ? c : string.CompareOrdinal(_id, other._id);
    }
}
