using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>What the checkout page shows and what an order is placed for: the priced cart, the shipping options to the
/// destination, the chosen one and the landed price (null until a destination with an option is known, and when the
/// tax rules refuse the sale: <see cref="Refusal"/> then says why, in the rules' words, for the log).</summary>
public sealed record CheckoutSummary(PricedCart Cart, string? Destination, IReadOnlyList<ShippingChoice> Choices, ShippingChoice? Chosen, LandedPrice? Landed)
{
    public string? Refusal { get; init; }

    /// <summary>True when the refusal is the shop's own configuration (a missing VAT rate), not a sale it may not make.</summary>
    public bool ConfigurationError { get; init; }
}
