using MakerShop.Core;

namespace MakerShop.Channels;

/// <summary>
/// The shop's order intake as channels use it: the host implements it with the same placement, payment, scheduling
/// and cancellation as storefront orders, so a channel adds no second way for an order to come to be.
/// </summary>
public interface IChannelOrderIntake
{
    /// <summary>Places the channel's (already paid) order, or finds the one placed for it before.</summary>
    Task<ChannelPlacement> PlaceAsync(ChannelOrder order, CancellationToken cancellationToken = default);

    /// <summary>Cancels the order as the owner's cancel does; false when it was already cancelled or can no longer be.</summary>
    Task<ChannelCancellation> CancelAsync(string orderId, string reason, CancellationToken cancellationToken = default);
}
