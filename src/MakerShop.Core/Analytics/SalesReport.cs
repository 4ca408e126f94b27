namespace MakerShop.Core;

/// <summary>
/// Orders and revenue per day in one currency. <see cref="NotConverted"/> holds money in currencies the rates do not
/// cover, summed per currency and left out of the days' revenue rather than guessed.
/// </summary>
public sealed record SalesReport(Currency Currency, DateOnly RatesAsOf, IReadOnlyList<DaySales> Days, IReadOnlyList<Money> NotConverted)
{
    public int Orders => Days.Sum(d => d.Orders);

    public Money Revenue => Days.Aggregate(Money.Zero(Currency), (sum, d) => sum + d.Revenue);
}
