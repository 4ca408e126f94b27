using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>One row of the owner's order list.</summary>
public sealed record OrderSummary(
    string Id, string CustomerName, string CustomerEmail, string CountryCode, Money Total, OrderStatus Status,
    DateTimeOffset PlacedAt, DateTimeOffset ShipBy, bool Express);

public sealed record OrderFilter(OrderStatus? Status, string? CountryCode, string? Search, bool LateOnly, int Offset, int Limit);
