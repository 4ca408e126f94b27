using MakerShop.Core;

namespace MakerShop.Web.Admin.Orders;

/// <summary>Where an order's refund stands: its status, every refund and what went wrong this time, if anything.</summary>
public sealed record RefundSummary(OrderStatus OrderStatus, IReadOnlyList<Refund> Refunds, IReadOnlyList<string> Problems)
{
    /// <summary>The cancellation the refund began with, when the order was still being made (for the audit trail).</summary>
    public OrderCancellationOutcome? Cancellation { get; init; }
}
