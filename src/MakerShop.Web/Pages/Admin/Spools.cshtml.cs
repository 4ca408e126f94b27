using System.Globalization;
using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Localization;
using MakerShop.Web.Materials;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>Filament stock: every spool with the grams left (taken down by each completed job), the low ones flagged.</summary>
public sealed class SpoolsModel(SpoolInventory inventory, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public SpoolOverview Overview { get; private set; } = new(0, [], []);

    public IReadOnlyList<string> PrinterIds { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(string? material, string? colour, string? brand, string? gramsAtStart, string? printerId, CancellationToken cancellationToken) =>
        ActAsync(async () =>
        {
            var spool = await inventory.AddAsync(material, colour, brand, FormNumber.Optional(gramsAtStart, "gramsAtStart"), printerId, cancellationToken);
            await audit.RecordAsync(HttpContext, "SpoolAdded", spool.Id, string.Create(CultureInfo.InvariantCulture, $"{spool.Brand} {spool.Material} {spool.Colour}, {spool.GramsAtStart} g, on {spool.PrinterId ?? "the shelf"}"));
            return text["Adm.Spools.Added", $"{spool.Brand} {spool.Material} {spool.Colour}"].Value;
        }, cancellationToken);

    public Task<IActionResult> OnPostChangeAsync(string spoolId, string? gramsLeft, string? printerId, CancellationToken cancellationToken) =>
        ActAsync(async () =>
        {
            var spool = await inventory.ChangeAsync(spoolId, FormNumber.Optional(gramsLeft, "gramsLeft"), printerId ?? "", cancellationToken);
            await audit.RecordAsync(HttpContext, "SpoolChanged", spoolId, string.Create(CultureInfo.InvariantCulture, $"{spool.GramsLeft} g left, on {spool.PrinterId ?? "the shelf"}"));
            return text["Adm.Spools.Saved", $"{spool.Brand} {spool.Material} {spool.Colour}"].Value;
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            return LocalRedirect("/admin/spools?done=" + Uri.EscapeDataString(await action()));
        }
        catch (Exception ex) when (ex is DomainException or AdminNotFoundException)
        {
            Error = ex is DomainException domain ? ProblemText.For(text, "Spools", domain) : ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Overview = await inventory.OverviewAsync(cancellationToken);
        PrinterIds = await inventory.PrinterIdsAsync(cancellationToken);
    }
}
