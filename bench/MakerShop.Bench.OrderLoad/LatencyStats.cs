namespace MakerShop.Bench.OrderLoad;

/// <summary>Latency percentiles (nearest-rank method) over the successful requests, in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencyStats From(IEnumerable<double> millis)
    {
        var sorted = millis.ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(sorted);
        return new LatencyStats(
            sorted.Length,
            Percentile(sorted, 50),
            Percentile(sorted, 90),
            Percentile(sorted, 99),
            sorted[^1],
            sorted.Average());
    }

    /// <summary>
    /// Nearest rank: the smallest value such that at least <paramref name="percent"/>% of the samples are less
    /// than or equal to it. For 1..100, p50 = 50, p90 = 90, p99 = 99; for one sample every percentile is that sample.
    /// </summary>
    public static double Percentile(double[] sortedAscending, double percent)
    {
        if (sortedAscending.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sortedAscending.Length);
        var index = Math.Clamp(rank - 1, 0, sortedAscending.Length - 1);
        return sortedAscending[index];
    }
}
