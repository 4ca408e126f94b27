using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Tests.Support;

/// <summary>Stands in for the shop's report handler (tested end to end elsewhere): keeps every report in order.</summary>
internal sealed class RecordingReportSink : IPrinterReportSink
{
    private readonly Lock _lock = new();
    private readonly List<PrinterReport> _reports = [];

    public IReadOnlyList<PrinterReport> Reports
    {
        get
        {
            lock (_lock)
            {
                return [.. _reports];
            }
        }
    }

    public IReadOnlyList<T> OfType<T>()
        where T : PrinterReport => [.. Reports.OfType<T>()];

    public PrinterStateReport LastState => OfType<PrinterStateReport>()[^1];

    public Task HandleAsync(PrinterReport report, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _reports.Add(report);
        }

        return Task.CompletedTask;
    }

    public void Clear()
    {
        lock (_lock)
        {
            _reports.Clear();
        }
    }
}
