using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>A way to ship the cart to the destination: its price in the visitor's currency and when it should arrive.</summary>
public sealed record ShippingChoice(string Id, string Service, Money Price, int? TransitDays, DateOnly? DeliveryBy);
