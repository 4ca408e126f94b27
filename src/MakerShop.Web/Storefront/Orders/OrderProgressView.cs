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
    IReadOnlyList<OrderMilestone> Milestones)
{
    /// <summary>The parcel once it has a label or scans: carrier, tracking number and the scans in the order they happened.</summary>
    public ParcelTracking? Parcel { get; init; }
}

public sealed record ParcelTracking(string? Carrier, string? TrackingNumber, string? TrackingUrl, IReadOnlyList<ParcelScan> Scans);

public sealed record ParcelScan(DateTimeOffset? At, string AtRaw, string Status, string? Message, string? Location);

public sealed record OrderMilestone(string Kind, DateTimeOffset At);
