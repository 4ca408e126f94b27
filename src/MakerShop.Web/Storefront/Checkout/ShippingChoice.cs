using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>A way to ship the cart to the destination: its price in the visitor's currency and when it should arrive. Its
/// id is <c>carrier:service</c>, so two services of one carrier are two choices.</summary>
public sealed record ShippingChoice(string Carrier, string Service, Money Price, int? TransitDays, DateOnly? DeliveryBy)
{
    public string Id => $"{Carrier}:{Service}";
}
