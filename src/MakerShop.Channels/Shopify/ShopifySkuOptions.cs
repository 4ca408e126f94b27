namespace MakerShop.Channels.Shopify;

/// <summary>The catalog item one exact SKU stands for.</summary>
public sealed class ShopifySkuOptions
{
    public string Product { get; set; } = "";

    public string Material { get; set; } = "";

    public string Colour { get; set; } = "";
}
