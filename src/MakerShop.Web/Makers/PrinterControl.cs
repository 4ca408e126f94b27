using MakerShop.Core;
using MakerShop.Web.Api.Contracts;

namespace MakerShop.Web.Makers;

/// <summary>The Core rule of which actions a printer allows now, for a printer as the pages hold it.</summary>
public static class PrinterControl
{
    public static PrinterControlState StateOf(PrinterResponse printer)
    {
        ArgumentNullException.ThrowIfNull(printer);
        return new(Enum.Parse<PrinterStatus>(printer.Status), printer.CurrentJobId is not null, printer.BedClear, printer.InService);
    }
}
