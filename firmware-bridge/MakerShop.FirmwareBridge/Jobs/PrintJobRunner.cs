using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Download;
using MakerShop.FirmwareBridge.Firmware;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.State;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Jobs;

/// <summary>
/// One job from download to outcome. Every way it can end goes through <see cref="End"/>, which records the
/// outcome in the retained state and publishes the matching event, so the shop learns it whichever it reads.
/// </summary>
internal sealed class PrintJobRunner(
    StartJobArguments job,
    GcodeDownloader downloader,
    FirmwareSupervisor firmware,
    BridgeState state,
    BridgeEvents events,
    BridgeOptions options,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    /// <summary>
    /// After a cancel: hotend and bed off, part fan off, motors released. Parking or retracting depends on the
    /// machine, so it is left to the printer's own end script.
    /// </summary>
    internal static readonly string[] CancelSequence = ["M104 S0", "M140 S0", "M107", "M84"];

    private readonly CancellationTokenSource cancelled = new();
    private readonly EtaEstimator eta = new(timeProvider);
    private int lastMilestone;
    private volatile bool emergencyStopped;
    private volatile GcodeLink? printingOn;

    public string JobId => job.JobId;

    public PrintControl Control { get; } = new();

    public void Cancel()
    {
        Control.Cancel();
        cancelled.Cancel();
        if (!emergencyStopped && printingOn is { Capabilities.EmergencyParser: true } link)
        {
            // A blocking command (M0/M1/M600/M109/M190) would hold the cancel until it returns; M108 ends it now.
            _ = BreakBlockingWaitAsync(link);
        }
    }

    public void EmergencyStop()
    {
        emergencyStopped = true;
        Cancel();
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            using var downloadToken = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancelled.Token);
            DownloadResult download;
            try
            {
                download = await downloader.DownloadAsync(job, downloadToken.Token);
            }
            catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
            {
                End(JobOutcomeKind.Cancelled, "cancelled before printing", BridgeStatus.Idle);
                return;
            }

            if (!download.Succeeded)
            {
                End(JobOutcomeKind.Failed, download.FailureReason, BridgeStatus.Idle);
                return;
            }

            if (Control.IsCancelRequested)
            {
                End(JobOutcomeKind.Cancelled, "cancelled before printing", BridgeStatus.Idle);
                return;
            }

            if (firmware.CurrentLink is not { } link)
            {
                End(JobOutcomeKind.Failed, "the firmware is not connected", BridgeStatus.Idle);
                return;
            }

            state.SetStatus(Control.IsPaused ? BridgeStatus.Paused : BridgeStatus.Printing);
            events.Publish(PrinterEventKind.JobStarted, JobId, progress: 0);
            logger.LogInformation("Printer {PrinterId} started job {JobId} ({Bytes} bytes)", options.PrinterId, JobId, new FileInfo(download.FilePath!).Length);

            // Streamed from disk: the file is never loaded whole, whatever its size.
            printingOn = link;
            var result = await link.RunFileAsync(download.FilePath!, Control, OnProgress, stopping);
            printingOn = null;
            await FinishAsync(link, result, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            logger.LogWarning("Printer {PrinterId} stopped while job {JobId} was running", options.PrinterId, JobId);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Printer {PrinterId} job {JobId} failed unexpectedly", options.PrinterId, JobId);
            End(JobOutcomeKind.Failed, ex.Message, BridgeStatus.Error);
        }
    }

    public void Dispose() => cancelled.Dispose();

    private async Task BreakBlockingWaitAsync(GcodeLink link)
    {
        try
        {
            await link.BreakBlockingWaitAsync();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Printer {PrinterId} could not send M108 while cancelling job {JobId}: {Reason}", options.PrinterId, JobId, ex.Message);
        }
    }

    private async Task FinishAsync(GcodeLink link, PrintResult result, CancellationToken stopping)
    {
        var afterPrint = options.AutoEject ? BridgeStatus.Idle : BridgeStatus.Finished;
        switch (result.Outcome)
        {
            case PrintOutcome.Completed:
                End(JobOutcomeKind.Completed, null, afterPrint);
                break;
            case PrintOutcome.Cancelled when !emergencyStopped:
                var cooled = await link.SendCommandsAsync(CancelSequence, stopping);
                if (cooled.Outcome != PrintOutcome.Completed)
                {
                    logger.LogWarning("Printer {PrinterId} could not cool down after cancelling job {JobId}: {Reason}", options.PrinterId, JobId, cooled.Reason);
                }

                End(JobOutcomeKind.Cancelled, result.Reason, afterPrint);
                break;
            case PrintOutcome.Cancelled:
                End(JobOutcomeKind.Cancelled, result.Reason, BridgeStatus.Error);
                break;
            default:
                End(JobOutcomeKind.Failed, result.Reason, result.FirmwareHalted ? BridgeStatus.Error : afterPrint);
                break;
        }
    }

    private void OnProgress(PrintProgress progress)
    {
        state.SetProgress(progress.Fraction, eta.Estimate(progress.BytesAcknowledged, progress.TotalBytes));
        var milestone = (int)(progress.Fraction * 10);
        if (milestone > lastMilestone && milestone < 10)
        {
            lastMilestone = milestone;
            events.Publish(PrinterEventKind.JobProgress, JobId, progress: milestone / 10.0);
        }
    }

    private void End(JobOutcomeKind outcome, string? reason, BridgeStatus next)
    {
        if (emergencyStopped)
        {
            // After M112 the printer needs a human whatever the link made of it.
            (outcome, reason, next) = (JobOutcomeKind.Cancelled, "emergency stop", BridgeStatus.Error);
        }

        state.EndJob(new JobOutcome(JobId, outcome, reason, timeProvider.GetUtcNow()), next);
        var kind = outcome switch
        {
            JobOutcomeKind.Completed => PrinterEventKind.JobCompleted,
            JobOutcomeKind.Cancelled => PrinterEventKind.JobCancelled,
            _ => PrinterEventKind.JobFailed,
        };
        events.Publish(kind, JobId, progress: outcome == JobOutcomeKind.Completed ? 1 : null, reason: reason);
        logger.LogInformation("Printer {PrinterId} job {JobId} ended: {Outcome} {Reason}", options.PrinterId, JobId, outcome, reason);
    }
}
