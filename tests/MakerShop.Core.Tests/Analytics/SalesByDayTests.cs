using CsCheck;

namespace MakerShop.Core.Tests.Analytics;

/// <summary>Orders and revenue per day: every order counted on its UTC day, revenue only from paid ones, each currency converted once.</summary>
public sealed class SalesByDayTests
{
    private static readonly ExchangeRates Rates = new(Currency.Eur, new DateOnly(2026, 12, 4), new Dictionary<string, decimal> { ["USD"] = 1.25m, ["JPY"] = 160m });
    private static readonly DateOnly First = new(2026, 11, 8);
    private static readonly DateOnly Last = new(2026, 12, 7);

    [Fact]
    public void Paid_orders_bring_revenue_converted_to_euros_and_unpaid_ones_only_count_as_orders()
    {
        var day = new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero);
        var report = SalesByDay.Compute(
            [
                new PlacedOrder(day, Money.FromMinor(1000, Currency.Eur), Earning: true),
                new PlacedOrder(day.AddMinutes(10), Money.FromMinor(2500, Currency.Usd), Earning: true),
                new PlacedOrder(day.AddMinutes(20), Money.FromMinor(9999, Currency.Eur), Earning: false),
                new PlacedOrder(day.AddMinutes(40), Money.FromMinor(1600, Currency.Jpy), Earning: true), // the next UTC day
            ],
            Rates, Currency.Eur, First, Last);

        Assert.Equal(30, report.Days.Count);
        var first = report.Days.Single(d => d.Day == new DateOnly(2026, 12, 1));
        Assert.Equal(3, first.Orders);
        Assert.Equal(Money.FromMinor(3000, Currency.Eur), first.Revenue); // 10 EUR + 25 USD / 1.25
        var second = report.Days.Single(d => d.Day == new DateOnly(2026, 12, 2));
        Assert.Equal(Money.FromMinor(1000, Currency.Eur), second.Revenue); // 1600 JPY / 160
        Assert.Equal(4, report.Orders);
        Assert.Empty(report.NotConverted);
    }

    [Fact]
    public void Money_in_a_currency_without_a_rate_is_shown_apart_never_guessed()
    {
        var report = SalesByDay.Compute(
            [new PlacedOrder(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), Money.FromMinor(4200, Currency.FromCode("CHF")), Earning: true)],
            Rates, Currency.Eur, First, Last);
        Assert.Equal(Money.Zero(Currency.Eur), report.Revenue);
        Assert.Equal([Money.FromMinor(4200, Currency.FromCode("CHF"))], report.NotConverted);
        Assert.Equal(1, report.Orders);
    }

    [Fact]
    public void Every_day_of_the_window_is_listed_and_only_orders_inside_it_are_counted() =>
        Gen.Select(Gen.Int[-40 * 24, 5 * 24], Gen.Long[0, 100_000], Gen.Bool).List[0, 30].Sample(rows =>
        {
            var orders = rows.Select(r => new PlacedOrder(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddHours(r.Item1), Money.FromMinor(r.Item2, Currency.Eur), r.Item3)).ToList();
            var report = SalesByDay.Compute(orders, Rates, Currency.Eur, First, Last);
            Assert.Equal(30, report.Days.Count);
            var inside = orders.Where(o => DateOnly.FromDateTime(o.PlacedAt.UtcDateTime) is var d && d >= First && d <= Last).ToList();
            Assert.Equal(inside.Count, report.Orders);
            Assert.Equal(inside.Where(o => o.Earning).Sum(o => o.Total.MinorUnits), report.Revenue.MinorUnits);
        }, iter: 300, threads: 1);
}
