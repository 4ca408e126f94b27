using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Telemetry;

namespace MakerShop.Web.Makers;

/// <summary>
/// The owner's commands to the shop's own printers (the demo fleet and the printers configured under
/// <c>MakerShop:HttpPrinters</c>, which belong to no maker), through the same <see cref="PrinterActions"/> path as the
/// maker page. A maker's printer is refused here, not only hidden on the page: its maker is the one at the machine.
/// Every command and every refusal is in the audit log, under the names the maker page uses.
/// </summary>
public sealed class OwnerPrinterCommands(FleetView fleet, PrinterActions actions, AuditTrail audit, TelemetryHub hub)
{
    public async Task<OwnerCommandOutcome> ApplyAsync(
        HttpContext context, string printerId, PrinterAction action, string? material, string? colour, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var printer = await fleet.GetAsync(printerId, cancellationToken);
        if (printer is null)
        {
            return new OwnerCommandOutcome(OwnerCommandResult.NotFound, $"There is no printer {printerId}.");
        }

        if (!Enum.IsDefined(action))
        {
            return await RefuseAsync(context, printerId, action, OwnerCommandResult.Refused, "That is not a printer command.");
        }

        if (!printer.ShopOwned)
        {
            return await RefuseAsync(context, printerId, action, OwnerCommandResult.NotTheShops,
                $"{printer.Printer.Name} belongs to {printer.MakerName ?? printer.Printer.MakerId}; only they can command it.");
        }

        try
        {
            var outcome = await actions.ApplyAsync(printerId, action, material, colour, cancellationToken);
            await audit.RecordAsync(context, "Printer" + action, printerId, outcome);
            hub.PrinterChanged(printerId);
            return new OwnerCommandOutcome(OwnerCommandResult.Done, outcome);
        }
        catch (DomainException ex)
        {
            return await RefuseAsync(context, printerId, action, OwnerCommandResult.Refused, ex.Message);
        }
    }

    private async Task<OwnerCommandOutcome> RefuseAsync(HttpContext context, string printerId, PrinterAction action, OwnerCommandResult result, string reason)
    {
        await audit.RecordAsync(context, "Printer" + action + "Refused", printerId, reason);
        return new OwnerCommandOutcome(result, reason);
    }
}
