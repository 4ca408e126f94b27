using MakerShop.Core;

namespace MakerShop.Printers.Connectors;

/// <summary>Which backend drives a printer, as configured for it.</summary>
public interface IPrinterKindResolver
{
    Task<PrinterKind> KindOfAsync(string printerId, CancellationToken cancellationToken = default);
}
