namespace MakerShop.Channels.Shopify;

/// <summary>The headers of a Shopify webhook delivery (shopify.dev, "Delivery structure").</summary>
public static class ShopifyWebhookHeaders
{
    public const string Topic = "X-Shopify-Topic";
    public const string ShopDomain = "X-Shopify-Shop-Domain";
    public const string ApiVersion = "X-Shopify-API-Version";
    public const string WebhookId = "X-Shopify-Webhook-Id";
    public const string EventId = "X-Shopify-Event-Id";
    public const string TriggeredAt = "X-Shopify-Triggered-At";
}
