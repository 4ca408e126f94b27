namespace MakerShop.Channels.Shopify;

/// <summary>What processing a stored delivery did: its new state, the outcome in words, and the order it concerns.</summary>
public sealed record ShopifyDeliveryOutcome(string State, string Outcome, string? OrderId = null);
