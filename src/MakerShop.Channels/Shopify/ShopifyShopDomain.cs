using System.Text.RegularExpressions;
using MakerShop.Core;

namespace MakerShop.Channels.Shopify;

/// <summary>A store's permanent domain as Shopify gives it ("makers-corner.myshopify.com"); a pasted URL is reduced to it.</summary>
public static partial class ShopifyShopDomain
{
    public static string Normalise(string? text)
    {
        var value = (text ?? "").Trim().ToLowerInvariant();
        if (value.StartsWith("https://", StringComparison.Ordinal))
        {
            value = value["https://".Length..];
        }

        value = value.TrimEnd('/');
        if (!Pattern().IsMatch(value))
        {
            throw new DomainValidationException("shopDomain", $"'{text}' is not a Shopify store domain; it looks like your-store.myshopify.com.");
        }

        return value;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\.myshopify\.com$")]
    private static partial Regex Pattern();
}
