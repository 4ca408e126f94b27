using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin.Catalog;
using MakerShop.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Products;

/// <summary>The owner's catalog: every product (retired ones last) and a form to add one with its G-code.</summary>
public sealed class IndexModel(CatalogAdminStore store, CatalogAdmin catalog, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<CatalogEntry> Products { get; private set; } = [];

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Products = await store.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? id, [FromForm] ProductInput input, string? material, string? colour, IFormFile? gcode, CancellationToken cancellationToken)
    {
        try
        {
            var variant = ProductInput.Variant(material, colour);
            await using var stream = gcode?.OpenReadStream();
            var created = await catalog.CreateAsync(id, input, variant, stream, cancellationToken);
            await audit.RecordAsync(HttpContext, "ProductCreated", created, $"{input.Name}, {input.Price} {input.Currency}, {variant.Material} {variant.Colour}");
            return LocalRedirect($"/admin/products/{created}?done={Uri.EscapeDataString(text["Adm.Products.Added"])}");
        }
        catch (DomainValidationException ex)
        {
            Error = ProblemText.For(text, "Products", ex);
            ErrorField = ex.Field;
            Products = await store.ListAsync(cancellationToken);
            return Page();
        }
    }
}
