using MakerShop.Core;

namespace MakerShop.Web.Storefront.Orders;

/// <summary>What an order page shows and what its live stream sends: the order's state, each part's, and the
/// customer-facing milestones. Printers and internal job ids stay out of it.</summary>
public sealed record OrderProgressView(
    string OrderId,
    OrderStatus Status,
    DateTimeOffset PlacedAt,
    DateTimeOffset ShipBy,
    Money Total,
    IReadOnlyList<PartProgress> Parts,
    IReadOnlyList<OrderMilestone> Milestones);

public sealed record OrderMilestone(string Kind, DateTimeOffset At);
