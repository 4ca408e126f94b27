using MakerShop.Printers.Reports;
using MakerShop.Web.Production;

namespace MakerShop.Web.Telemetry;

/// <summary>
/// The report sink in front of <see cref="PrinterReportHandler"/>: readings go to the live pages at once and to the
/// database in batches; everything else is applied by the handler first and then announced to the live pages.
/// Live readings, like the stored history, go by the shop's receive time; the printer's stamp only travels along.
/// </summary>
public sealed class LiveReportSink(PrinterReportHandler handler, TelemetryHub hub, TelemetryWriter writer) : IPrinterReportSink
{
    public async Task HandleAsync(PrinterReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report is TelemetryReport telemetry)
        {
            hub.Publish(telemetry.PrinterId, telemetry.Heaters, telemetry.JobId, telemetry.Progress, telemetry.EtaSeconds, telemetry.ReceivedAt, telemetry.ReportedAt);
            writer.Enqueue(telemetry.PrinterId, telemetry.Heaters, telemetry.JobId, telemetry.Progress, telemetry.EtaSeconds, telemetry.ReceivedAt, storeLatest: true);
            return;
        }

        await handler.HandleAsync(report, cancellationToken);
        // HTTP printers report their temperatures only in state snapshots; they are history and live readings too.
        if (report is PrinterStateReport { Activity: not ReportedActivity.Offline, Heaters.Count: > 0 } state)
        {
            hub.Publish(state.PrinterId, state.Heaters, state.JobId, state.Progress, state.EtaSeconds, state.ReceivedAt, state.ReportedAt);
            writer.Enqueue(state.PrinterId, state.Heaters, state.JobId, state.Progress, state.EtaSeconds, state.ReceivedAt, storeLatest: false);
        }

        hub.PrinterChanged(report.PrinterId);
    }
}
