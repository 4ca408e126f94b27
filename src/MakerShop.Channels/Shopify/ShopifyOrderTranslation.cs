using MakerShop.Core;

namespace MakerShop.Channels.Shopify;

/// <summary>What a Shopify order became in the shop's terms.</summary>
public abstract record ShopifyOrderTranslation
{
    public sealed record Ready(ChannelOrder Order) : ShopifyOrderTranslation;

    /// <summary>Some SKU maps to nothing: the order waits for the owner; nothing is guessed.</summary>
    public sealed record Held(IReadOnlyList<SkuMatch.Unmapped> Unmapped) : ShopifyOrderTranslation
    {
        public string Message => string.Join("; ", Unmapped.Select(u => $"SKU '{u.Sku}' maps to nothing ({u.Reason})"))
            + ". Add it to the catalog or to MakerShop:Channels:Shopify:Skus, then replay.";
    }

    /// <summary>The payload lacks something an order needs; the reason is in words.</summary>
    public sealed record Invalid(string Reason) : ShopifyOrderTranslation;
}
