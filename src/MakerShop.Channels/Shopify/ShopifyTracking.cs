namespace MakerShop.Channels.Shopify;

/// <summary>Tracking as Shopify takes it: the carrier as written in Shopify's list, the number, and a URL.</summary>
public sealed record ShopifyTracking(string Company, string Number, string? Url);
