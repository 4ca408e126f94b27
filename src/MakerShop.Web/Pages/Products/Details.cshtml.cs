using MakerShop.Web.Storefront.Catalog;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Products;

public sealed class DetailsModel(CatalogReader catalog, VisitorCurrency currency) : PageModel
{
    public CatalogItem? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Item = await catalog.GetAsync(id, currency.Resolve(HttpContext), cancellationToken);
        return Item is null ? NotFound() : Page();
    }
}
