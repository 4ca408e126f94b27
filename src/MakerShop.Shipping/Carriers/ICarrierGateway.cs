using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.Carriers;

/// <summary>A label provider's API: live rates, buying a label (with its tracker), and polling a tracker.</summary>
public interface ICarrierGateway
{
    string Provider { get; }

    Task<IReadOnlyList<RateQuote>> QuoteAsync(LabelRequest request, CancellationToken cancellationToken = default);

    /// <summary>Buys the label for <paramref name="rateId"/>, or for the cheapest rate when it is null.</summary>
    Task<LabelOutcome> BuyLabelAsync(LabelRequest request, string? rateId, CancellationToken cancellationToken = default);

    /// <summary>The tracker's current state, or null when the provider does not know it (yet).</summary>
    Task<TrackingNotice?> PollAsync(string carrier, string trackingNumber, string? trackerId, CancellationToken cancellationToken = default);
}
