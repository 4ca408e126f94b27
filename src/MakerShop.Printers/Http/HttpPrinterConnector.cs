using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Reports;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Http;

/// <summary>
/// Carries out outbox commands on an OctoPrint or Moonraker printer and acknowledges them through the report sink,
/// exactly as a bridge acknowledges on MQTT. Every command first looks at the printer, so a re-sent "start" for a job
/// the printer already has is acknowledged without a second upload or a second print.
/// </summary>
public sealed partial class HttpPrinterConnector(
    IHttpPrinterProtocol protocol,
    IHttpPrinterDirectory directory,
    HttpPrinterLocks locks,
    HttpEndedJobFiles endedFiles,
    JobGcodeDownloader downloader,
    IPrinterReportSink sink,
    TimeProvider timeProvider,
    ILogger<HttpPrinterConnector> logger) : IPrinterConnector
{
    /// <summary>The refusal of a start whose upload was cut off with nothing printing.</summary>
    public const string UploadInterrupted = "upload-interrupted";

    public PrinterKind Kind => protocol.Kind;

    public PrinterCapabilities Capabilities => protocol.Capabilities;

    public async Task<bool> DeliverAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default)
    {
        var command = ContractJson.TryDeserialize<PrinterCommandPayload>(Encoding.UTF8.GetBytes(payloadJson));
        var endpoint = await directory.FindAsync(printerId, cancellationToken);
        if (endpoint is null)
        {
            LogUnknownPrinter(logger, printerId);
            return false;
        }

        if (command is null)
        {
            LogUnreadable(logger, printerId);
            return false;
        }

        using var _ = await locks.EnterAsync(printerId, cancellationToken);
        CommandVerdict verdict;
        try
        {
            verdict = command.Kind switch
            {
                PrinterCommandKind.Start => await StartAsync(endpoint, command, cancellationToken),
                PrinterCommandKind.Pause => await ControlAsync(endpoint, command, protocol.PauseAsync, o => o.Machine == ObservedMachine.Paused, cancellationToken),
                PrinterCommandKind.Resume => await ControlAsync(endpoint, command, protocol.ResumeAsync, o => o.Machine == ObservedMachine.Printing, cancellationToken),
                PrinterCommandKind.Cancel => await CancelAsync(endpoint, command, cancellationToken),
                PrinterCommandKind.EmergencyStop => Verdict(await protocol.EmergencyStopAsync(endpoint, cancellationToken)),
                // An HTTP printer has no notion of its bed: the shop's own record, already cleared by the person, is the truth.
                PrinterCommandKind.BedCleared => CommandVerdict.Accept,
                _ => CommandVerdict.Refuse("unsupported-command"),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The shop's own G-code endpoint did not answer; the outbox tries again.
            LogTransferFailed(logger, printerId, command.CommandId, ex.Message);
            return false;
        }

        if (verdict.Retry)
        {
            LogNotDelivered(logger, command.Kind.ToString(), command.CommandId, printerId, verdict.Reason ?? "no answer");
            return false;
        }

        try
        {
            await sink.HandleAsync(new CommandAcknowledgedReport(printerId, timeProvider.GetUtcNow(), command.CommandId, verdict.Accepted, verdict.Reason), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not acknowledged means re-sent, and a re-sent command finds its work already done.
            LogAckFailed(logger, ex, command.CommandId, printerId);
            return false;
        }

        if (!verdict.Accepted)
        {
            LogRefused(logger, command.Kind.ToString(), command.CommandId, printerId, verdict.Reason ?? "");
        }

        return true;
    }

    private async Task<CommandVerdict> StartAsync(HttpPrinterEndpoint endpoint, PrinterCommandPayload command, CancellationToken cancellationToken)
    {
        if (command.Start is not { } start)
        {
            return CommandVerdict.Refuse("malformed-command");
        }

        var before = await protocol.ObserveAsync(endpoint, cancellationToken);
        if (Unavailable(before) is { } unavailable)
        {
            return unavailable;
        }

        if (before.JobId == start.JobId && (before.IsActive || before.JobEnd != ObservedJobEnd.None))
        {
            // A re-sent start: this job is already on the printer (printing, paused or even finished).
            return CommandVerdict.Accept;
        }

        if (before.Machine == ObservedMachine.Error)
        {
            return CommandVerdict.Refuse("printer-error");
        }

        if (before.IsActive)
        {
            return CommandVerdict.Refuse("printer-busy");
        }

        await using var gcode = await downloader.DownloadAsync(endpoint, start, cancellationToken);
        if (gcode is null)
        {
            return CommandVerdict.Refuse("gcode-checksum-mismatch");
        }

        var uploaded = await protocol.UploadAndPrintAsync(endpoint, HttpJobFiles.FileNameFor(start.JobId), gcode, start, cancellationToken);
        switch (uploaded.Outcome)
        {
            case HttpCallOutcome.Done:
                LogStarted(logger, start.JobId, endpoint.PrinterId, endpoint.Kind.ToString());
                await DeleteEndedJobFilesAsync(endpoint, before.JobId, start.JobId, cancellationToken);
                return CommandVerdict.Accept;
            case HttpCallOutcome.Unreachable or HttpCallOutcome.NotDone or HttpCallOutcome.Conflict:
                // Did the print start before the answer was lost, or did something else take the printer? Look.
                var after = await protocol.ObserveAsync(endpoint, cancellationToken);
                if (after.Link == ObservedLink.Unreachable)
                {
                    return CommandVerdict.TryLater(uploaded.Detail);
                }

                if (after.JobId == start.JobId && after.IsActive)
                {
                    await DeleteEndedJobFilesAsync(endpoint, before.JobId, start.JobId, cancellationToken);
                    return CommandVerdict.Accept;
                }

                if (uploaded.Outcome == HttpCallOutcome.Unreachable && after.Machine == ObservedMachine.Ready && !after.IsActive)
                {
                    // The transfer broke off and the printer, answering again, prints nothing: the job goes back to the
                    // queue under its true reason rather than "busy", and a later start uploads it whole.
                    return CommandVerdict.Refuse(UploadInterrupted);
                }

                return after.Machine == ObservedMachine.Disconnected ? CommandVerdict.Refuse("firmware-offline")
                    : CommandVerdict.Refuse("printer-busy");
            default:
                return Verdict(uploaded);
        }
    }

    /// <summary>
    /// Now that another job runs, a re-sent start for an earlier one finds the printer busy, so the earlier files are
    /// no longer the evidence against a second print and can go; one that cannot be deleted now is tried at the next start.
    /// </summary>
    private async Task DeleteEndedJobFilesAsync(HttpPrinterEndpoint endpoint, string? shownBefore, string startedJobId, CancellationToken cancellationToken)
    {
        if (shownBefore is not null && shownBefore != startedJobId)
        {
            endedFiles.Remember(endpoint.PrinterId, shownBefore);
        }

        foreach (var jobId in endedFiles.Of(endpoint.PrinterId).Where(j => j != startedJobId))
        {
            var deleted = await protocol.DeleteJobFileAsync(endpoint, jobId, cancellationToken);
            if (deleted.Outcome is HttpCallOutcome.Done or HttpCallOutcome.Rejected)
            {
                // Rejected is a 404 and the like: the file is gone already, or asking again would fail the same way.
                endedFiles.Forget(endpoint.PrinterId, jobId);
            }
            else
            {
                LogFileKept(logger, jobId, endpoint.PrinterId, deleted.Detail ?? deleted.Outcome.ToString());
            }
        }
    }

    private async Task<CommandVerdict> ControlAsync(
        HttpPrinterEndpoint endpoint,
        PrinterCommandPayload command,
        Func<HttpPrinterEndpoint, CancellationToken, Task<HttpCallResult>> call,
        Func<HttpPrinterObservation, bool> done,
        CancellationToken cancellationToken)
    {
        var before = await protocol.ObserveAsync(endpoint, cancellationToken);
        if (Unavailable(before) is { } unavailable)
        {
            return unavailable;
        }

        if (command.JobId is not null && (before.JobId != command.JobId || !before.IsActive))
        {
            return CommandVerdict.Refuse("job-not-on-printer");
        }

        if (done(before))
        {
            return CommandVerdict.Accept;
        }

        if (before.Settling)
        {
            // OctoPrint ignores a resume while pausing (and a pause while cancelling) yet answers 204: ask again once settled.
            return CommandVerdict.TryLater("the printer is between two states");
        }

        var result = await call(endpoint, cancellationToken);
        if (result.Outcome is HttpCallOutcome.Conflict or HttpCallOutcome.Unreachable)
        {
            var after = await protocol.ObserveAsync(endpoint, cancellationToken);
            return after.Link == ObservedLink.Unreachable ? CommandVerdict.TryLater(result.Detail)
                : done(after) ? CommandVerdict.Accept
                : CommandVerdict.Refuse("invalid-state");
        }

        return Verdict(result);
    }

    private async Task<CommandVerdict> CancelAsync(HttpPrinterEndpoint endpoint, PrinterCommandPayload command, CancellationToken cancellationToken)
    {
        var before = await protocol.ObserveAsync(endpoint, cancellationToken);
        if (Unavailable(before) is { } unavailable)
        {
            return unavailable;
        }

        if (!before.IsActive || (command.JobId is not null && before.JobId != command.JobId))
        {
            // Nothing of this job is running: cancelling it again is done already.
            return CommandVerdict.Accept;
        }

        var result = await protocol.CancelAsync(endpoint, cancellationToken);
        if (result.Outcome is HttpCallOutcome.Conflict or HttpCallOutcome.Unreachable)
        {
            var after = await protocol.ObserveAsync(endpoint, cancellationToken);
            return after.Link == ObservedLink.Unreachable ? CommandVerdict.TryLater(result.Detail)
                : !after.IsActive ? CommandVerdict.Accept
                : CommandVerdict.Refuse("invalid-state");
        }

        return Verdict(result);
    }

    private static CommandVerdict? Unavailable(HttpPrinterObservation observation) => observation.Link switch
    {
        ObservedLink.Unreachable => CommandVerdict.TryLater(observation.Reason),
        ObservedLink.Unauthorized => CommandVerdict.Refuse("printer-error"),
        _ when observation.Machine == ObservedMachine.Disconnected => CommandVerdict.Refuse("firmware-offline"),
        _ => null,
    };

    private static CommandVerdict Verdict(HttpCallResult result) => result.Outcome switch
    {
        HttpCallOutcome.Done => CommandVerdict.Accept,
        HttpCallOutcome.Unreachable => CommandVerdict.TryLater(result.Detail),
        HttpCallOutcome.NotOperational => CommandVerdict.Refuse("firmware-offline"),
        HttpCallOutcome.Unauthorized => CommandVerdict.Refuse("printer-error"),
        HttpCallOutcome.Conflict or HttpCallOutcome.NotDone => CommandVerdict.Refuse("invalid-state"),
        _ => CommandVerdict.Refuse(result.Detail is null ? "rejected" : "rejected: " + result.Detail),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A command for {PrinterId} reached the HTTP connector, but no HTTP connection is configured for it")]
    private static partial void LogUnknownPrinter(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An unreadable command for {PrinterId} was not delivered")]
    private static partial void LogUnreadable(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching the G-code of command {CommandId} for {PrinterId} failed: {Reason}")]
    private static partial void LogTransferFailed(ILogger logger, string printerId, string commandId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CommandKind} command {CommandId} for {PrinterId} not delivered yet: {Reason}")]
    private static partial void LogNotDelivered(ILogger logger, string commandKind, string commandId, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging command {CommandId} of {PrinterId} failed; it will be re-sent")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string commandId, string printerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CommandKind} command {CommandId} refused by {PrinterId}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string commandKind, string commandId, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The file of ended job {JobId} stays on printer {PrinterId} until the next start: {Reason}")]
    private static partial void LogFileKept(ILogger logger, string jobId, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} uploaded to {PrinterId} ({Kind}) and started")]
    private static partial void LogStarted(ILogger logger, string jobId, string printerId, string kind);

    private sealed record CommandVerdict(bool Accepted, bool Retry, string? Reason)
    {
        public static readonly CommandVerdict Accept = new(true, false, null);

        public static CommandVerdict Refuse(string reason) => new(false, false, reason);

        public static CommandVerdict TryLater(string? reason) => new(false, true, reason);
    }
}
