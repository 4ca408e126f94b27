namespace MakerShop.Channels.Shopify;

/// <summary>What Shopify said to a fulfilment.</summary>
public abstract record ShopifyFulfilmentResult
{
    /// <summary>Accepted (or found already fulfilled): the fulfilment's id in Shopify.</summary>
    public sealed record Accepted(string FulfilmentId) : ShopifyFulfilmentResult;

    /// <summary>Not accepted this time; <paramref name="RetryAfter"/> is Shopify's own wait when it gave one.</summary>
    public sealed record NotYet(string Reason, TimeSpan? RetryAfter = null) : ShopifyFulfilmentResult;
}
