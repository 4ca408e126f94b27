using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;

namespace MakerShop.Web.Production;

/// <summary>What follows when a job starts or ends: the printer frees up, a failure is retried, a finished order is Produced.</summary>
public sealed class JobOutcomes(ILogger<JobOutcomes> logger, MakerShop.Web.Shipping.ShipmentPlanner shipments, MakerShop.Web.Materials.SpoolConsumption spools)
{
    /// <summary>The printer is fetching the job's G-code: the job is on its way, and the printer is taken.</summary>
    public async Task MarkTransferringAsync(DbSession session, Printer printer, PrintJob job, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (job.Status != PrintJobStatus.Assigned)
        {
            return;
        }

        job.BeginTransfer(at);
        printer.MarkPrinting(job.Id, at);
        await PrintJobStore.UpdateAsync(session, job, cancellationToken);
        await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Transferring", "the printer is downloading the G-code", at, cancellationToken);
    }

    public async Task MarkRunningAsync(DbSession session, Printer printer, PrintJob job, bool paused, double? progress, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (job.IsTerminal)
        {
            return;
        }

        if (job.Status is PrintJobStatus.Assigned or PrintJobStatus.Transferring && job.StartPrinting(at))
        {
            await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, "Printing", null, at, cancellationToken);
            logger.LogInformation("Job {JobId} is printing on {PrinterId}", job.Id, printer.Id);
        }

        if (paused)
        {
            job.Pause(at);
            printer.MarkPrinting(job.Id, at);
            printer.MarkPaused(at);
        }
        else
        {
            job.Resume(at);
            printer.MarkPrinting(job.Id, at);
        }

        if (progress is { } p)
        {
            job.ReportProgress(p, at);
        }

        await PrintJobStore.UpdateAsync(session, job, cancellationToken);
    }

    public async Task ApplyOutcomeAsync(DbSession session, Printer printer, PrintJob job, JobOutcomeKind outcome, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var printEnding = EndingOf(outcome);
        if (outcome == JobOutcomeKind.Cancelled)
        {
            // The shop marks a job Cancelled itself before it tells a printer to stop, so a cancel that reaches an
            // active job came from the printer's side (a maker at the machine, an emergency stop): the unit still
            // has to be made, so it counts as a failed attempt and is retried.
            outcome = JobOutcomeKind.Failed;
            reason = "cancelled at the printer" + (reason is null ? string.Empty : ": " + reason);
        }

        if (job.IsTerminal)
        {
            // The first outcome stands (a retry may already be printing); a different late one is worth a look, not a change.
            if (job.Status.ToString() != outcome.ToString())
            {
                logger.LogWarning("Printer {PrinterId} reported job {JobId} {Outcome}, but it already ended {Status}; the first outcome stands", printer.Id, job.Id, outcome, job.Status);
            }

            if (printer.CurrentJobId == job.Id)
            {
                printer.FinishJob(printEnding, at);
            }

            return;
        }

        var changed = outcome == JobOutcomeKind.Completed
            ? job.Complete(at)
            : job.Fail(reason ?? "the printer reported a failure", at);
        if (!changed)
        {
            return;
        }

        await PrintJobStore.UpdateAsync(session, job, cancellationToken);
        await PrinterCommandStore.AbandonForJobAsync(session, job.Id, at, cancellationToken);
        await TimelineStore.AddJobEventAsync(session, job.Id, printer.Id, outcome.ToString(), reason, at, cancellationToken);
        if (printer.CurrentJobId == job.Id)
        {
            printer.FinishJob(printEnding, at);
        }

        if (outcome == JobOutcomeKind.Completed)
        {
            logger.LogInformation("Job {JobId} of order {OrderId} completed on {PrinterId}", job.Id, job.OrderId, printer.Id);
            await spools.TakeDownAsync(session, job, printer.Id, 1, at, cancellationToken);
            await CompleteOrderIfProducedAsync(session, job.OrderId, at, cancellationToken);
        }
        else
        {
            // What was printed before the failure came off the spool all the same.
            await spools.TakeDownAsync(session, job, printer.Id, job.Progress ?? 0, at, cancellationToken);
            await RetryAsync(session, job, reason, at, cancellationToken);
        }
    }

    /// <summary>How the print ended, for the bed rule, which only tells a completed print from every other ending.</summary>
    private static PrintEnding EndingOf(JobOutcomeKind outcome) => outcome switch
    {
        JobOutcomeKind.Completed => PrintEnding.Completed,
        JobOutcomeKind.Cancelled => PrintEnding.Cancelled,
        _ => PrintEnding.Failed,
    };

    private async Task RetryAsync(DbSession session, PrintJob failed, string? reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!failed.CanRetry)
        {
            logger.LogError("Job {JobId} of order {OrderId} failed for good after {Attempt} attempt(s): {Reason}", failed.Id, failed.OrderId, failed.Attempt, reason);
            await TimelineStore.AddOrderEventAsync(session, failed.OrderId, "NeedsAttention", $"unit {failed.UnitIndex + 1} failed {failed.Attempt} time(s): {reason}", at, cancellationToken);
            return;
        }

        var retry = failed.CreateRetry(Ids.NewJobId(), at);
        await PrintJobStore.InsertAsync(session, retry, cancellationToken);
        await TimelineStore.AddJobEventAsync(session, retry.Id, null, "Queued", $"retry of {failed.Id}, attempt {retry.Attempt}", at, cancellationToken);
        logger.LogWarning("Job {JobId} failed ({Reason}); requeued as {RetryJobId}, attempt {Attempt}", failed.Id, reason, retry.Id, retry.Attempt);
    }

    private async Task CompleteOrderIfProducedAsync(DbSession session, string orderId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var order = await OrderStore.GetAsync(session, orderId, cancellationToken);
        if (order is null || order.Status != OrderStatus.InProduction)
        {
            return;
        }

        var jobs = await PrintJobStore.ListByOrderAsync(session, orderId, cancellationToken);
        var unitsDone = jobs.Where(j => j.Status == PrintJobStatus.Completed).Select(j => j.UnitIndex).Distinct().Count();
        if (unitsDone < order.UnitCount)
        {
            return;
        }

        order.MarkProduced(at);
        await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
        await TimelineStore.AddOrderEventAsync(session, order.Id, "Produced", $"all {order.UnitCount} unit(s) printed", at, cancellationToken);
        await shipments.CreateForProducedOrderAsync(session, order, at, cancellationToken);
    }
}
