namespace MakerShop.Core;

/// <summary>
/// The on-time rate per week: an order is on time when its last part was printed by its ship-by date (the same rule
/// as the dashboard's overall figure). Weeks start on Monday, UTC; every week of the window is listed, empty or not.
/// </summary>
public static class OnTimeByWeek
{
    public static IReadOnlyList<WeekOnTime> Compute(IEnumerable<ProducedOrder> orders, DateTimeOffset now, int weeks)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weeks);
        var last = WeekStart(now);
        var first = last.AddDays(-7 * (weeks - 1));
        var counts = orders
            .Select(o => (Week: WeekStart(o.ProducedAt), o.OnTime))
            .Where(o => o.Week >= first && o.Week <= last)
            .GroupBy(o => o.Week)
            .ToDictionary(g => g.Key, g => (Produced: g.Count(), OnTime: g.Count(o => o.OnTime)));
        return [.. Enumerable.Range(0, weeks)
            .Select(i => first.AddDays(7 * i))
            .Select(week => counts.TryGetValue(week, out var c) ? new WeekOnTime(week, c.Produced, c.OnTime) : new WeekOnTime(week, 0, 0))];
    }

    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }
}
