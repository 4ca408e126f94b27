namespace MakerShop.Printers.Reports;

/// <summary>Where translated printer reports go; the host applies them to orders, jobs and printers.</summary>
public interface IPrinterReportSink
{
    Task HandleAsync(PrinterReport report, CancellationToken cancellationToken = default);
}
