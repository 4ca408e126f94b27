using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>One row of the owner's order list.</summary>
public sealed record OrderSummary(
    string Id, string CustomerName, string CustomerEmail, string CountryCode, Money Total, OrderStatus Status,
    DateTimeOffset PlacedAt, DateTimeOffset ShipBy, bool Express)
{
    /// <summary>The order's number for people (shown with the shop's prefix).</summary>
    public long? Number { get; init; }
}

/// <summary>What the owner filters the order list by; <paramref name="Number"/> is an order number typed in the search box.</summary>
public sealed record OrderFilter(OrderStatus? Status, string? CountryCode, string? Search, bool LateOnly, int Offset, int Limit)
{
    public long? Number { get; init; }
}
