namespace MakerShop.Channels.Shopify;

/// <summary>The webhook topics the shop subscribes to; other topics are answered and not stored.</summary>
public static class ShopifyTopics
{
    public const string OrdersCreate = "orders/create";
    public const string OrdersUpdated = "orders/updated";
    public const string OrdersCancelled = "orders/cancelled";

    public static bool IsHandled(string topic) => topic is OrdersCreate or OrdersUpdated or OrdersCancelled;
}
