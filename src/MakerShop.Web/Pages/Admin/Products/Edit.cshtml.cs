using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Admin.Catalog;
using MakerShop.Web.Localization;
using MakerShop.Web.Storefront.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Products;

/// <summary>One product: its details, variants, G-code and whether it is on sale. Every change is audited.</summary>
public sealed class EditModel(CatalogAdminStore store, CatalogAdmin catalog, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public ProductDetails? Product { get; private set; }

    public IReadOnlyList<MaterialOption> Variants { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAsync(string id, [FromForm] ProductInput input, CancellationToken cancellationToken) =>
        ActAsync(id, "ProductEdited", async () =>
        {
            await catalog.UpdateAsync(id, input, cancellationToken);
            return ($"{input.Name}, {input.Price} {input.Currency}, HS {input.HsCode}, {input.LeadTimeDays} d", text["Adm.Product.Saved"].Value);
        }, cancellationToken);

    public Task<IActionResult> OnPostGcodeAsync(string id, IFormFile? gcode, string? partX, string? partY, string? partZ, CancellationToken cancellationToken) =>
        ActAsync(id, "ProductGcodeReplaced", async () =>
        {
            if (gcode is null)
            {
                throw new DomainValidationException("gcode", "Choose a G-code file to upload.");
            }

            await using var stream = gcode.OpenReadStream();
            var ownerSize = new ProductInput { PartX = partX, PartY = partY, PartZ = partZ }.PartSize();
            var analysed = await catalog.ReplaceGcodeAsync(id, stream, ownerSize, cancellationToken);
            return ($"{gcode.FileName}: sha256 {analysed.Gcode.Sha256}, {analysed.Layers} layers, {analysed.FilamentGrams} g",
                text["Adm.Product.GcodeStored", analysed.Layers, analysed.FilamentGrams.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture), analysed.PrintTime.TotalMinutes.ToString("0", System.Globalization.CultureInfo.CurrentCulture)].Value);
        }, cancellationToken);

    public Task<IActionResult> OnPostAddVariantAsync(string id, string? material, string? colour, CancellationToken cancellationToken) =>
        ActAsync(id, "ProductVariantAdded", async () =>
        {
            var variant = ProductInput.Variant(material, colour);
            var added = await catalog.AddVariantAsync(id, variant, cancellationToken);
            return ($"{variant.Material} {variant.Colour}", text[added ? "Adm.Product.VariantAdded" : "Adm.Product.VariantKnown", $"{variant.Material} {text.Colour(variant.Colour)}"].Value);
        }, cancellationToken);

    public Task<IActionResult> OnPostRemoveVariantAsync(string id, string? material, string? colour, CancellationToken cancellationToken) =>
        ActAsync(id, "ProductVariantRemoved", async () =>
        {
            var variant = ProductInput.Variant(material, colour);
            await catalog.RemoveVariantAsync(id, variant, cancellationToken);
            return ($"{variant.Material} {variant.Colour}", text["Adm.Product.VariantRemoved", $"{variant.Material} {text.Colour(variant.Colour)}"].Value);
        }, cancellationToken);

    public Task<IActionResult> OnPostRetireAsync(string id, bool retired, CancellationToken cancellationToken) =>
        ActAsync(id, retired ? "ProductRetired" : "ProductRestored", async () =>
        {
            await catalog.SetRetiredAsync(id, retired, cancellationToken);
            return (null, text[retired ? "Adm.Product.RetiredDone" : "Adm.Product.RestoredDone"].Value);
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(string id, string action, Func<Task<(string? Detail, string Message)>> change, CancellationToken cancellationToken)
    {
        try
        {
            var (detail, message) = await change();
            await audit.RecordAsync(HttpContext, action, id, detail);
            return LocalRedirect($"/admin/products/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(message)}");
        }
        catch (AdminNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, action + "Refused", id, ex.Message);
            Error = ProblemText.For(text, "Products", ex);
            ErrorField = (ex as DomainValidationException)?.Field;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Product = await store.GetAsync(id, cancellationToken);
        if (Product is null)
        {
            return false;
        }

        Variants = await store.VariantsAsync(id, cancellationToken);
        return true;
    }
}
