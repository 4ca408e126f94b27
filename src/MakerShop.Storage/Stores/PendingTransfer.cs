using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>A bank transfer the shop is still waiting for, with the order's words for the owner's list.</summary>
public sealed record PendingTransfer(string PaymentId, string OrderId, string Reference, Money Amount, string CustomerName, DateTimeOffset PlacedAt)
{
    /// <summary>The order's number for people (shown with the shop's prefix).</summary>
    public long? OrderNumber { get; init; }
}
