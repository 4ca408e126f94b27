namespace MakerShop.FirmwareBridge.Jobs;

/// <summary>ETA = remaining lines × the average time of the last few hundred lines; crude, but honest about pace changes.</summary>
internal sealed class EtaEstimator(TimeProvider timeProvider, int window = 200)
{
    private readonly Queue<long> acknowledgedAt = new();

    public int? Estimate(int linesAcknowledged, int totalLines)
    {
        var now = timeProvider.GetTimestamp();
        acknowledgedAt.Enqueue(now);
        while (acknowledgedAt.Count > window)
        {
            acknowledgedAt.Dequeue();
        }

        if (acknowledgedAt.Count < 2)
        {
            return null;
        }

        var perLine = timeProvider.GetElapsedTime(acknowledgedAt.Peek(), now) / (acknowledgedAt.Count - 1);
        return (int)Math.Ceiling((perLine * (totalLines - linesAcknowledged)).TotalSeconds);
    }
}
