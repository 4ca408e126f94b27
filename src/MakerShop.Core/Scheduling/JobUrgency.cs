namespace MakerShop.Core;

/// <summary>
/// Sort key of a queued job: jobs that can still ship on time before those that cannot (under overload, earliest
/// deadline first would otherwise spend the fleet on lost causes and make on-time jobs late too); then express first;
/// then the latest moment it can start and still ship on time (ship-by minus print time: earliest deadline first,
/// corrected by how long the job takes); then the longest waiting; then the id.
/// </summary>
internal readonly struct JobUrgency(int index, PrintJob job, DateTimeOffset now) : IComparable<JobUrgency>
{
    public int Index { get; } = index;

    private readonly bool _hopeless = job.ShipBy - job.EstimatedPrintTime < now;
    private readonly bool _express = job.Express;
    private readonly long _latestStart = (job.ShipBy - job.EstimatedPrintTime).UtcTicks;
    private readonly long _queuedAt = job.QueuedAt.UtcTicks;
    private readonly string _id = job.Id;

    public int CompareTo(JobUrgency other)
    {
        if (_hopeless != other._hopeless)
        {
            return _hopeless ? 1 : -1;
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
