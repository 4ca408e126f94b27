namespace MakerShop.Bench.MakerLive;

/// <summary>Delay percentiles (nearest rank) in milliseconds.</summary>
internal sealed record Percentiles(long Count, double P50, double P90, double P99, double Max)
{
    public static Percentiles From(List<double> millis)
    {
        if (millis.Count == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = millis.ToArray();
        Array.Sort(sorted);
        return new Percentiles(sorted.Length, Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
