using MakerShop.Core;
using MakerShop.Web.Makers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Printers;

/// <summary>
/// One printer of the fleet for the owner: everything about it, and for the shop's own printers the commands its state
/// allows, through the same confirmed path as the maker page. A maker's printer is read-only here, and a command posted
/// for it anyway is refused (403) and audited.
/// </summary>
public sealed class PrinterModel(FleetView fleet, OwnerPrinterCommands commands, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public FleetText Text { get; } = new(localizer);

    public IStringLocalizer Localizer => localizer;

    public FleetPrinter? Printer { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The commands to offer: the shop's own printer, and only what its state allows now.</summary>
    public IReadOnlyList<PrinterAction> Offered => Printer is { ShopOwned: true } p ? p.ControlState.Allowed : [];

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Printer is null)
        {
            return NotFound();
        }

        if (done is not null && Enum.TryParse<PrinterAction>(done, out var action) && Enum.IsDefined(action))
        {
            Message = localizer["Fleet.Done." + action, Printer.Printer.Name];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, PrinterAction action, bool confirm, string? material, string? colour, CancellationToken cancellationToken)
    {
        await LoadAsync(id, cancellationToken);
        if (Printer is null)
        {
            return NotFound();
        }

        if (!confirm && Printer.ShopOwned)
        {
            Error = localizer["Fleet.Confirm"];
            return Page();
        }

        var outcome = await commands.ApplyAsync(HttpContext, id, action, material, colour, cancellationToken);
        switch (outcome.Result)
        {
            case OwnerCommandResult.Done:
                return LocalRedirect($"/admin/printers/{Uri.EscapeDataString(id)}?done={action}");
            case OwnerCommandResult.NotTheShops:
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                await LoadAsync(id, cancellationToken);
                Error = outcome.Message;
                return Page();
        }
    }

    public string Label(PrinterAction action) => localizer["Fleet.Action." + action];

    public string Question(PrinterAction action) => localizer["Fleet.Question." + action, Printer?.Printer.Name ?? ""];

    private async Task LoadAsync(string id, CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Printer = await fleet.GetAsync(id, cancellationToken);
    }
}
