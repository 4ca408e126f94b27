namespace MakerShop.Web.Storefront.Catalog;

public sealed record CatalogPage(IReadOnlyList<CatalogItem> Items, int Page, int Pages, int ProductCount);
