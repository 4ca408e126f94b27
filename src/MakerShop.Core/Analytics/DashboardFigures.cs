namespace MakerShop.Core;

/// <summary>The owner's dashboard at one moment. Rates are null until there is something to divide by.</summary>
public sealed record DashboardFigures(
    int OrdersToday,
    int OrdersThisMonth,
    IReadOnlyList<Money> RevenueByCurrency,
    IReadOnlyList<CountryRevenue> RevenueByCountry,
    int PrintersPrinting,
    int PrintersIdle,
    int PrintersOffline,
    int PrintersOther,
    int QueueLength,
    DateTimeOffset? OldestWaitingSince,
    int OrdersProduced,
    int OrdersProducedOnTime,
    int JobsCompleted,
    int JobsFailed,
    int LateOrders)
{
    public double? OnTimeRate => OrdersProduced == 0 ? null : (double)OrdersProducedOnTime / OrdersProduced;

    public double? PrintSuccessRate => JobsCompleted + JobsFailed == 0 ? null : (double)JobsCompleted / (JobsCompleted + JobsFailed);
}

public sealed record CountryRevenue(string CountryCode, Money Revenue);
