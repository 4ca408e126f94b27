namespace MakerShop.Core;

/// <summary>
/// Orders per day and their revenue in one currency. Customers pay in six currencies; adding euros to yen would be
/// meaningless, so each day's sum per currency is converted once at one set of reference rates (today's, stated on the
/// page) and rounded in the report's currency. Every order counts on the day it was placed; only paid orders
/// (<see cref="PlacedOrder.Earning"/>) bring revenue.
/// </summary>
public static class SalesByDay
{
    public static SalesReport Compute(IEnumerable<PlacedOrder> orders, ExchangeRates rates, Currency currency, DateOnly firstDay, DateOnly lastDay)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(currency);
        var inWindow = orders
            .Select(o => (Day: DateOnly.FromDateTime(o.PlacedAt.UtcDateTime), Order: o))
            .Where(o => o.Day >= firstDay && o.Day <= lastDay)
            .ToList();
        var notConverted = inWindow
            .Where(o => o.Order.Earning && !rates.Supports(o.Order.Total.Currency))
            .GroupBy(o => o.Order.Total.Currency.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(Money.Zero(g.First().Order.Total.Currency), (sum, o) => sum + o.Order.Total))
            .ToList();
        var byDay = inWindow.ToLookup(o => o.Day);
        var days = new List<DaySales>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var today = byDay[day].Select(o => o.Order).ToList();
            var revenue = today
                .Where(o => o.Earning && rates.Supports(o.Total.Currency))
                .GroupBy(o => o.Total.Currency.Code, StringComparer.Ordinal)
                .Select(g => rates.Convert(g.Aggregate(Money.Zero(g.First().Total.Currency), (sum, o) => sum + o.Total), currency))
                .Aggregate(Money.Zero(currency), (sum, m) => sum + m);
            days.Add(new DaySales(day, today.Count, revenue));
        }

        return new SalesReport(currency, rates.AsOf, days, notConverted);
    }
}
