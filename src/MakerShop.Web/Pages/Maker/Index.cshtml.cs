using System.Globalization;
using System.Text.Json;
using MakerShop.Core;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Makers;
using MakerShop.Web.Storefront.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Maker;

public sealed class IndexModel(MakerScope scope) : PageModel
{
    public IReadOnlyList<PrinterResponse> Printers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Printers = await scope.PrintersAsync(User, cancellationToken);

    /// <summary>"Printing · bed not clear · out of service", in the page's language.</summary>
    public string StateLine(IStringLocalizer t, PrinterResponse printer)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(printer);
        var line = StatusWords.PrinterLine(t, printer.Status, printer.CurrentJobId, printer.StatusReason);
        line += printer.BedClear || printer.Status == nameof(PrinterStatus.NeedsBedClear) ? "" : " · " + t["Mkr.Printers.BedNotClear"];
        return line + (printer.InService ? "" : " · " + t["Fleet.OutOfService"]);
    }

    /// <summary>The words the live script writes into the grid, as JSON for a data attribute.</summary>
    public string ScriptWords(IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var words = new Dictionary<string, string>(StatusWords.PrinterLineWords(t), StringComparer.Ordinal)
        {
            ["bedNotClear"] = t["Mkr.Printers.BedNotClear"],
            ["outOfService"] = t["Fleet.OutOfService"],
        };

        foreach (var column in new[] { "Printer", "State", "Nozzle", "Bed", "Job", "Progress", "Eta", "Filament" })
        {
            words["label." + column] = t["Mkr.Printers." + column];
        }

        foreach (var colour in Printers.Select(p => p.LoadedColour).Distinct(StringComparer.Ordinal))
        {
            words["colour." + colour] = t.Colour(colour);
        }

        return JsonSerializer.Serialize(words);
    }

    /// <summary>"211/215 °C" for the named heater, or nothing when the printer has not reported it.</summary>
    public static string Heater(PrinterResponse printer, string name)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var heater = printer.Heaters.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        return heater is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{heater.Actual:0}/{heater.Target:0} °C");
    }
}
