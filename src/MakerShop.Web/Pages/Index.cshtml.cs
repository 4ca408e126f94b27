using MakerShop.Web.Storefront.Catalog;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages;

public sealed class IndexModel(CatalogReader catalog, VisitorCurrency currency) : PageModel
{
    public IReadOnlyList<CatalogItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await catalog.ListAsync(currency.Resolve(HttpContext), cancellationToken);
}
