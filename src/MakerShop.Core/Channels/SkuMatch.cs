namespace MakerShop.Core;

/// <summary>What a SKU turned out to name.</summary>
public abstract record SkuMatch
{
    /// <summary>A catalog product in a material and colour it is offered in; <paramref name="How"/> is "exact" or "suffix".</summary>
    public sealed record Mapped(Product Product, string Material, string Colour, string How) : SkuMatch;

    /// <summary>Nothing in the catalog, with the reason in words for the owner.</summary>
    public sealed record Unmapped(string Sku, string Reason) : SkuMatch;
}
