namespace MakerShop.Core;

/// <summary>
/// How busy the fleet was: each printer's printing intervals are merged (a requeued attempt that overlaps the one
/// it replaced is not counted twice) and clipped to the window, then divided by the printer-hours the window holds.
/// Days are UTC days; the last one ends at <c>to</c>, so today counts only the hours that have passed.
/// </summary>
public static class PrinterUtilisation
{
    public static UtilisationReport Measure(IEnumerable<PrintingInterval> intervals, IReadOnlyCollection<string> printerIds, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(printerIds);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The window ends before it starts.");
        }

        var ids = new HashSet<string>(printerIds, StringComparer.Ordinal);
        var merged = intervals
            .Where(i => ids.Contains(i.PrinterId))
            .GroupBy(i => i.PrinterId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Merge(g, from, to), StringComparer.Ordinal);

        var days = new List<UtilisationDay>();
        var start = from;
        while (start < to)
        {
            var utc = start.UtcDateTime;
            var end = Min(new DateTimeOffset(utc.Date.AddDays(1), TimeSpan.Zero), to);
            var capacity = (end - start).TotalSeconds * ids.Count;
            var busy = merged.Values.Sum(list => Overlap(list, start, end));
            days.Add(new UtilisationDay(DateOnly.FromDateTime(utc), capacity > 0 ? Math.Clamp(busy / capacity, 0, 1) : null));
            start = end;
        }

        var window = (to - from).TotalSeconds;
        var perPrinter = ids
            .Select(id =>
            {
                var seconds = merged.TryGetValue(id, out var list) ? list.Sum(i => (i.End - i.Start).TotalSeconds) : 0;
                return new PrinterShare(id, window > 0 ? Math.Clamp(seconds / window, 0, 1) : 0, seconds / 3600);
            })
            .OrderBy(p => p.PrinterId, StringComparer.Ordinal)
            .ToList();
        var total = perPrinter.Sum(p => p.PrintingHours);
        var overall = window > 0 && ids.Count > 0 ? Math.Clamp(total * 3600 / (window * ids.Count), 0, 1) : (double?)null;
        return new UtilisationReport(from, to, ids.Count, overall, total, days, perPrinter);
    }

    /// <summary>Clips each interval to the window and joins those that overlap or touch, in start order.</summary>
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Merge(IEnumerable<PrintingInterval> intervals, DateTimeOffset from, DateTimeOffset to)
    {
        var merged = new List<(DateTimeOffset Start, DateTimeOffset End)>();
        foreach (var (start, end) in intervals
                     .Select(i => (Start: Max(i.Start, from), End: Min(i.End, to)))
                     .Where(i => i.End > i.Start)
                     .OrderBy(i => i.Start))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    private static double Overlap(List<(DateTimeOffset Start, DateTimeOffset End)> intervals, DateTimeOffset from, DateTimeOffset to) =>
        intervals.Sum(i => Math.Max(0, (Min(i.End, to) - Max(i.Start, from)).TotalSeconds));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
}
