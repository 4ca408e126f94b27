using MakerShop.Core;

namespace MakerShop.Web.Storefront.Catalog;

/// <summary>A product as a visitor sees it: price in their currency and the date it would ship if ordered now.</summary>
public sealed record CatalogItem(Product Product, Money Price, DateOnly ShipsBy)
{
    public IReadOnlyList<string> MaterialNames => [.. Product.Materials.Select(m => m.Material).Distinct(StringComparer.Ordinal)];
}
