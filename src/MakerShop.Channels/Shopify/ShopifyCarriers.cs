namespace MakerShop.Channels.Shopify;

/// <summary>
/// The shop's carrier names as Shopify's supported-carrier list writes them (capitalisation matters: a listed name lets
/// Shopify build the tracking link); a carrier not listed goes as the shop names it, with the shop's tracking URL.
/// </summary>
public static class ShopifyCarriers
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ups"] = "UPS",
        ["usps"] = "USPS",
        ["fedex"] = "FedEx",
        ["dhl"] = "DHL Express",
        ["dhl-express"] = "DHL Express",
        ["dhlexpress"] = "DHL Express",
        ["dhl-parcel"] = "DHL Parcel",
        ["dpd"] = "DPD",
        ["gls"] = "GLS",
        ["colissimo"] = "Colissimo",
        ["la-poste"] = "La Poste",
        ["laposte"] = "La Poste",
        ["chronopost"] = "Chronopost",
        ["royal-mail"] = "Royal Mail",
        ["royalmail"] = "Royal Mail",
        ["deutsche-post"] = "Deutsche Post",
        ["canada-post"] = "Canada Post",
        ["australia-post"] = "Australia Post",
        ["post-nl"] = "PostNL",
        ["postnl"] = "PostNL",
        ["swiss-post"] = "Swiss Post",
    };

    public static string NameOf(string carrier) =>
        Names.TryGetValue(carrier.Trim(), out var name) ? name : carrier.Trim();
}
