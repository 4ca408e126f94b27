using MakerShop.Web.Storefront.Catalog;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages;

public sealed class IndexModel(CatalogReader catalog, VisitorCurrency currency) : PageModel
{
    public CatalogPage Catalog { get; private set; } = new([], 1, 1, 0);

    public IReadOnlyList<CatalogItem> Items => Catalog.Items;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery] int? page, CancellationToken cancellationToken) =>
        Catalog = await catalog.PageAsync(page ?? 1, currency.Resolve(HttpContext), cancellationToken);
}
