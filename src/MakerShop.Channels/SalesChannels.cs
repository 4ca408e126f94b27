namespace MakerShop.Channels;

/// <summary>The names channels are stored under and shown with.</summary>
public static class SalesChannels
{
    public const string Shopify = "Shopify";
}
