namespace MakerShop.FirmwareBridge.Jobs;

/// <summary>
/// ETA = bytes left ÷ the byte rate over the last minute or so. Bytes, not lines: a slicer's file mixes short moves
/// with long comment blocks, and bytes are what progress is measured in. A sliding window follows pace changes
/// (slow first layer, fast infill) without forgetting everything at each one.
/// </summary>
internal sealed class EtaEstimator(TimeProvider timeProvider, TimeSpan? window = null)
{
    private readonly TimeSpan window = window ?? TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SampleSpacing = TimeSpan.FromSeconds(1);
    private readonly Queue<(long At, long Bytes)> samples = new();
    private long lastSampleAt;

    public int? Estimate(long bytesAcknowledged, long totalBytes)
    {
        var now = timeProvider.GetTimestamp();

        // One sample a second at most: oks can come thousands a second, the window must stay small.
        if (samples.Count == 0 || timeProvider.GetElapsedTime(lastSampleAt, now) >= SampleSpacing)
        {
            samples.Enqueue((now, bytesAcknowledged));
            lastSampleAt = now;
        }

        while (samples.Count > 2 && timeProvider.GetElapsedTime(samples.Peek().At, now) > this.window)
        {
            samples.Dequeue();
        }

        var (firstAt, firstBytes) = samples.Peek();
        var elapsed = timeProvider.GetElapsedTime(firstAt, now);
        var progressed = bytesAcknowledged - firstBytes;
        if (elapsed <= TimeSpan.Zero || progressed <= 0)
        {
            return null;
        }

        var bytesPerSecond = progressed / elapsed.TotalSeconds;
        return (int)Math.Ceiling(Math.Max(0, totalBytes - bytesAcknowledged) / bytesPerSecond);
    }
}
