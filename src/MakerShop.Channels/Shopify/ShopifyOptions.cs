namespace MakerShop.Channels.Shopify;

/// <summary>MakerShop:Channels:Shopify: how the shop talks to a connected Shopify store (the store itself is connected in admin).</summary>
public sealed class ShopifyOptions
{
    public const string Section = "MakerShop:Channels:Shopify";

    /// <summary>The Admin API version pinned in every GraphQL URL ("YYYY-01/04/07/10"; each is supported at least 12 months).</summary>
    public string ApiVersion { get; set; } = "2026-10";

    /// <summary>
    /// Where the Admin API is reached; empty means the connected store itself (https://{shop domain}). Set only to point
    /// the shop at a stand-in (a local fake in tests and demos).
    /// </summary>
    public string? AdminBaseUrl { get; set; }

    /// <summary>What joins product, material and colour in a suffix-rule SKU ("BASE-PLA-WHITE").</summary>
    public string SkuSeparator { get; set; } = "-";

    /// <summary>SKUs that name a catalog item outright; they win over the suffix rule.</summary>
    public Dictionary<string, ShopifySkuOptions> Skus { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Largest webhook body accepted; an order with hundreds of lines stays well under it.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>After the webhook secret changes, deliveries signed with the previous one are still accepted this long (Shopify: up to an hour).</summary>
    public TimeSpan PreviousSecretGrace { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the workers look for stored deliveries and owed fulfilments they were not woken for.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The wait before the first retry of a fulfilment Shopify did not accept; it doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Time allowed for one Admin API call.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
