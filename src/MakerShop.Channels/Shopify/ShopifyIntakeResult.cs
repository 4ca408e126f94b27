namespace MakerShop.Channels.Shopify;

/// <summary>What became of one webhook request.</summary>
public abstract record ShopifyIntakeResult
{
    public sealed record Rejected(string Reason) : ShopifyIntakeResult;

    public sealed record TooLarge(int MaxBytes) : ShopifyIntakeResult;

    public sealed record Unreadable(string Reason) : ShopifyIntakeResult;

    public sealed record Ignored(string Topic) : ShopifyIntakeResult;

    public sealed record Duplicate(string WebhookId) : ShopifyIntakeResult;

    public sealed record Stored(string WebhookId) : ShopifyIntakeResult;
}
