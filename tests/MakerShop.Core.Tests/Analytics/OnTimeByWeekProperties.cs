using CsCheck;

namespace MakerShop.Core.Tests.Analytics;

/// <summary>The weekly on-time rate: every week of the window listed once, Mondays, and each order counted in its week.</summary>
public sealed class OnTimeByWeekProperties
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 30, 0, TimeSpan.Zero); // a Monday

    private static readonly Gen<ProducedOrder> Orders = Gen.Select(Gen.Int[-120 * 24, 0], Gen.Int[-72, 72],
        (hoursAgo, lateBy) => new ProducedOrder(Now.AddHours(hoursAgo), Now.AddHours(hoursAgo - lateBy)));

    [Fact]
    public void Each_order_of_the_window_is_counted_once_in_the_monday_week_it_was_produced() =>
        Gen.Select(Orders.Array[0, 40], Gen.Int[1, 16]).Sample((orders, weeks) =>
        {
            var result = OnTimeByWeek.Compute(orders, Now, weeks);
            Assert.Equal(weeks, result.Count);
            Assert.All(result, w => Assert.Equal(DayOfWeek.Monday, w.WeekStart.DayOfWeek));
            Assert.Equal(new DateOnly(2026, 12, 7), result[^1].WeekStart);
            Assert.All(result.Zip(result.Skip(1)), p => Assert.Equal(p.First.WeekStart.AddDays(7), p.Second.WeekStart));
            var inWindow = orders.Where(o => DateOnly.FromDateTime(o.ProducedAt.UtcDateTime) >= result[0].WeekStart).ToList();
            Assert.Equal(inWindow.Count, result.Sum(w => w.Produced));
            Assert.Equal(inWindow.Count(o => o.OnTime), result.Sum(w => w.OnTime));
            Assert.All(result, w => Assert.True(w.Produced == 0 ? w.Rate is null : w.Rate is >= 0 and <= 1));
        }, iter: 500, threads: 1);

    [Fact]
    public void An_order_printed_exactly_at_its_ship_by_time_is_on_time_and_a_second_later_is_late()
    {
        var result = OnTimeByWeek.Compute(
            [new ProducedOrder(Now, Now), new ProducedOrder(Now.AddSeconds(1), Now)], Now.AddSeconds(1), 1);
        Assert.Equal(new WeekOnTime(new DateOnly(2026, 12, 7), 2, 1), result.Single());
        Assert.Equal(0.5, result.Single().Rate);
    }

    [Fact]
    public void Sunday_night_belongs_to_the_week_that_began_on_monday() =>
        Assert.Equal(new DateOnly(2026, 11, 30), OnTimeByWeek.WeekStart(new DateTimeOffset(2026, 12, 6, 23, 59, 59, TimeSpan.Zero)));
}
