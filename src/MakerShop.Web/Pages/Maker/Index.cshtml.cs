using System.Globalization;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Makers;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Maker;

public sealed class IndexModel(MakerScope scope) : PageModel
{
    public IReadOnlyList<PrinterResponse> Printers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Printers = await scope.PrintersAsync(User, cancellationToken);

    /// <summary>"211/215 °C" for the named heater, or nothing when the printer has not reported it.</summary>
    public static string Heater(PrinterResponse printer, string name)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var heater = printer.Heaters.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        return heater is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{heater.Actual:0}/{heater.Target:0} °C");
    }
}
