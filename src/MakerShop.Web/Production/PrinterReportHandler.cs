using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Reports;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Production;

/// <summary>
/// Applies what printers report to jobs, printers and orders. Each report is one transaction; reports are idempotent
/// (a re-delivered event or a repeated state changes nothing) because the printer's own account is the truth.
/// </summary>
public sealed class PrinterReportHandler(
    SqliteConnectionFactory connections,
    PrinterStore printers,
    ProductionGate gate,
    JobOutcomes outcomes,
    IDispatchTrigger dispatch,
    ILogger<PrinterReportHandler> logger) : IPrinterReportSink
{
    public async Task HandleAsync(PrinterReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report is TelemetryReport telemetry)
        {
            // Droppable readings: written on their own, without waiting for or holding up production decisions,
            // and dropped when the database is busy (the next reading replaces them anyway).
            try
            {
                await printers.UpdateTelemetryAsync(telemetry.PrinterId, TelemetryJson(telemetry.Heaters, telemetry.JobId, telemetry.Progress, telemetry.EtaSeconds, telemetry.ReceivedAt), cancellationToken);
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.IsTransient)
            {
                logger.LogDebug("Dropped telemetry of printer {PrinterId}: {Reason}", telemetry.PrinterId, ex.Message);
            }

            return;
        }

        bool freedPrinter;
        var effects = new ReportEffects();
        using (await gate.EnterAsync(cancellationToken))
        {
            await using var session = await DbSession.BeginAsync(connections, cancellationToken);
            var printer = await PrinterStore.GetAsync(session, report.PrinterId, cancellationToken);
            if (printer is null)
            {
                logger.LogWarning("Ignored a report from unknown printer {PrinterId}", report.PrinterId);
                return;
            }

            var wasReady = printer.IsReady;
            switch (report)
            {
                case PrinterStateReport state:
                    await ApplyStateAsync(session, printer, state, cancellationToken);
                    break;
                case JobReport job:
                    await ApplyJobReportAsync(session, printer, job, cancellationToken);
                    break;
                case CommandAcknowledgedReport ack:
                    await ApplyAckAsync(session, printer, ack, effects, cancellationToken);
                    break;
            }

            await PrinterStore.UpdateAsync(session, printer, cancellationToken);
            await session.CommitAsync(cancellationToken);
            freedPrinter = printer.IsReady && !wasReady && !effects.RefusedJob;
        }

        if (freedPrinter)
        {
            await dispatch.RequestDispatchAsync(cancellationToken);
        }
    }

    private async Task ApplyStateAsync(DbSession session, Printer printer, PrinterStateReport state, CancellationToken cancellationToken)
    {
        var at = state.ReceivedAt;
        if (state.Activity == ReportedActivity.Offline)
        {
            // Always applied: the last will carries the time the bridge connected, not the time it vanished.
            if (printer.MarkOffline(at))
            {
                logger.LogWarning("Printer {PrinterId} went offline (job {JobId} kept until it reports)", printer.Id, printer.CurrentJobId ?? "none");
            }

            return;
        }

        if (!await PrinterStore.TryAdvanceStateTimeAsync(session, printer.Id, state.ReportedAt, cancellationToken))
        {
            logger.LogInformation("Ignored a stale {Activity} state of printer {PrinterId} from {ReportedAt}", state.Activity, printer.Id, state.ReportedAt);
            return;
        }

        await PrinterStore.UpdateTelemetryAsync(session, printer.Id, TelemetryJson(state.Heaters, state.JobId, state.Progress, state.EtaSeconds, at), cancellationToken);
        if (state.Filament is { } filament)
        {
            await PrinterStore.UpdateFilamentAsync(session, printer.Id, PrinterFilamentJson.Write(filament), cancellationToken);
        }

        // Every answer is a sign of life, whether or not anything changed.
        printer.RecordSeen(at);
        if (printer.Status == PrinterStatus.Offline)
        {
            printer.MarkOnline(bedClear: state.Activity != ReportedActivity.AwaitingBedClear, at);
            logger.LogInformation("Printer {PrinterId} is online ({Activity})", printer.Id, state.Activity);
        }

        // The last job's outcome travels in the retained state, so a shop that missed the event learns it here.
        if (state.LastJob is { } last && await PrintJobStore.GetAsync(session, last.JobId, cancellationToken) is { } lastJob
            && lastJob.PrinterId == printer.Id && !lastJob.IsTerminal)
        {
            await outcomes.ApplyOutcomeAsync(session, printer, lastJob, last.Outcome, last.Reason, at, cancellationToken);
        }

        var current = state.JobId is null ? null : await PrintJobStore.GetAsync(session, state.JobId, cancellationToken);
        if (current is not null && current.PrinterId != printer.Id)
        {
            current = null;
        }

        switch (state.Activity)
        {
            case ReportedActivity.Transferring when current is not null:
                await outcomes.MarkTransferringAsync(session, printer, current, at, cancellationToken);
                break;
            case ReportedActivity.Working or ReportedActivity.Paused when current is not null:
                await outcomes.MarkRunningAsync(session, printer, current, state.Activity == ReportedActivity.Paused, state.Progress, at, cancellationToken);
                break;
            case ReportedActivity.Working or ReportedActivity.Paused:
                await MarkPrintingUnsentAsync(session, printer, state.Activity == ReportedActivity.Paused, at, cancellationToken);
                break;
            case ReportedActivity.Idle:
                await ReconcileIdleAsync(session, printer, at, cancellationToken);
                break;
            case ReportedActivity.AwaitingBedClear:
                await ReconcileIdleAsync(session, printer, at, cancellationToken);
                if (printer.Status == PrinterStatus.Idle)
                {
                    printer.ReportBedOccupied(at);
                }

                break;
            case ReportedActivity.Error:
                printer.Fault(state.Reason ?? "the printer reports an error", at);
                break;
        }
    }

    /// <summary>
    /// The printer is printing something the shop did not send (started at the machine or on its own server): it is
    /// taken, not Idle, so the dispatcher leaves it alone, and when that print ends its bed needs a person's look.
    /// </summary>
    private async Task MarkPrintingUnsentAsync(DbSession session, Printer printer, bool paused, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (printer.CurrentJobId is not null)
        {
            // A job only reserved for it has not reached the printer: its start will be refused as busy. One the
            // printer was already running is no longer what it prints, so it ended in a way nobody reported.
            await EndLostJobAsync(session, printer, "the printer began a print the shop did not send; how the shop's print ended is unknown", at, cancellationToken);
            if (printer.CurrentJobId is not null)
            {
                return;
            }
        }

        if (printer.Status is PrinterStatus.Error or PrinterStatus.Offline)
        {
            return;
        }

        if (printer.MarkPrintingUnsent(at))
        {
            logger.LogWarning("Printer {PrinterId} is printing something the shop did not send", printer.Id);
        }

        if (paused)
        {
            printer.MarkPaused(at);
        }
    }

    /// <summary>
    /// The printer says it is idle: any fault is gone, a print the shop did not send has ended, and a job we thought it
    /// was printing is not on it. Its bed stays as the shop knows it: only a person's confirmation clears it.
    /// </summary>
    private async Task ReconcileIdleAsync(DbSession session, Printer printer, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EndLostJobAsync(session, printer, "the printer reported idle without finishing the job; how it ended is unknown", at, cancellationToken);
        if (printer.IsPrintingUnsent)
        {
            printer.FinishJob(PrintEnding.NotStartedByShop, at);
            logger.LogInformation("Printer {PrinterId} finished a print the shop did not send; its bed needs a person's confirmation", printer.Id);
        }
        else if (printer.Status == PrinterStatus.Error)
        {
            printer.ClearFault(at);
        }
    }

    /// <summary>An Assigned job may simply not have reached the printer yet (the outbox re-sends it); one it accepted and no longer has, with no outcome for it, is lost.</summary>
    private async Task EndLostJobAsync(DbSession session, Printer printer, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (printer.CurrentJobId is { } jobId && await PrintJobStore.GetAsync(session, jobId, cancellationToken) is { } job
            && job.PrinterId == printer.Id && job.Status is PrintJobStatus.Transferring or PrintJobStatus.Printing or PrintJobStatus.Paused)
        {
            await outcomes.ApplyOutcomeAsync(session, printer, job, JobOutcomeKind.Failed, reason, at, cancellationToken);
        }
    }

    private async Task ApplyJobReportAsync(DbSession session, Printer printer, JobReport report, CancellationToken cancellationToken)
    {
        if (!await ProcessedEventStore.TryRecordAsync(session, report.EventId, printer.Id, report.ReceivedAt, cancellationToken))
        {
            return;
        }

        if (report.Kind == JobReportKind.FirmwareError)
        {
            logger.LogWarning("Printer {PrinterId} firmware error: {Reason}", printer.Id, report.Reason);
            if (report.JobId is not null)
            {
                await TimelineStore.AddJobEventAsync(session, report.JobId, printer.Id, "FirmwareError", report.Reason, report.ReceivedAt, cancellationToken);
            }

            return;
        }

        if (report.JobId is null || await PrintJobStore.GetAsync(session, report.JobId, cancellationToken) is not { } job || job.PrinterId != printer.Id)
        {
            logger.LogWarning("Ignored {Kind} from printer {PrinterId} for job {JobId} that is not assigned to it", report.Kind, printer.Id, report.JobId);
            return;
        }

        switch (report.Kind)
        {
            case JobReportKind.Started:
            case JobReportKind.Progress:
                await outcomes.MarkRunningAsync(session, printer, job, paused: false, report.Progress, report.ReceivedAt, cancellationToken);
                break;
            case JobReportKind.Completed:
                await outcomes.ApplyOutcomeAsync(session, printer, job, JobOutcomeKind.Completed, null, report.ReceivedAt, cancellationToken);
                break;
            case JobReportKind.Failed:
                await outcomes.ApplyOutcomeAsync(session, printer, job, JobOutcomeKind.Failed, report.Reason ?? "the printer reported a failure", report.ReceivedAt, cancellationToken);
                break;
            case JobReportKind.Cancelled:
                await outcomes.ApplyOutcomeAsync(session, printer, job, JobOutcomeKind.Cancelled, report.Reason, report.ReceivedAt, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task ApplyAckAsync(DbSession session, Printer printer, CommandAcknowledgedReport ack, ReportEffects effects, CancellationToken cancellationToken)
    {
        var command = await PrinterCommandStore.AcknowledgeAsync(session, ack.CommandId, ack.Accepted, ack.Reason, ack.ReceivedAt, cancellationToken);
        if (command is null || command.PrinterId != printer.Id || command.JobId is null || command.Kind != nameof(PrinterCommandKind.Start))
        {
            return;
        }

        if (await PrintJobStore.GetAsync(session, command.JobId, cancellationToken) is not { } job || job.PrinterId != printer.Id)
        {
            return;
        }

        if (ack.Accepted)
        {
            // The ack can arrive after the printer already said it is printing (or done); then it adds nothing.
            if (job.Status == PrintJobStatus.Assigned && job.BeginTransfer(ack.ReceivedAt))
            {
                await PrintJobStore.UpdateAsync(session, job, cancellationToken);
                await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Transferring", "the printer accepted the job and is downloading it", ack.ReceivedAt, cancellationToken);
            }

            return;
        }

        if (job.Status == PrintJobStatus.Assigned)
        {
            job.Unassign(ack.Reason ?? "refused by the printer", ack.ReceivedAt);
            await PrintJobStore.UpdateAsync(session, job, cancellationToken);
            await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Refused", ack.Reason, ack.ReceivedAt, cancellationToken);
            if (printer.DropJob(job.Id, ack.ReceivedAt))
            {
                ApplyRefusalReason(printer, ack.Reason, ack.ReceivedAt);
            }

            // Not dispatched again at once: the same printer would refuse the same way; the next interval pass retries.
            effects.RefusedJob = true;
            logger.LogWarning("Printer {PrinterId} refused job {JobId}: {Reason}", printer.Id, job.Id, ack.Reason);
        }
    }

    /// <summary>Some refusals say what state the printer is really in; believe it, so the dispatcher stops offering jobs.</summary>
    private static void ApplyRefusalReason(Printer printer, string? reason, DateTimeOffset at)
    {
        switch (reason)
        {
            case "bed-not-cleared" when printer.Status == PrinterStatus.Idle:
                printer.ReportBedOccupied(at);
                break;
            case "printer-error" when printer.Status != PrinterStatus.Offline:
                printer.Fault("the printer reports an error", at);
                break;
            case "firmware-offline":
                printer.MarkOffline(at);
                break;
        }
    }

    private static string TelemetryJson(IReadOnlyList<HeaterReading> heaters, string? jobId, double? progress, int? etaSeconds, DateTimeOffset at) =>
        System.Text.Encoding.UTF8.GetString(ContractJson.Serialize(new TelemetryPayload(heaters, jobId, progress, etaSeconds, at)));

    /// <summary>What applying one report did, beyond the rows it wrote.</summary>
    private sealed class ReportEffects
    {
        public bool RefusedJob { get; set; }
    }
}
