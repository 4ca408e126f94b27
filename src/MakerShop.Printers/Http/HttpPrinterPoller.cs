using System.Collections.Concurrent;
using MakerShop.Printers.Reports;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Http;

/// <summary>
/// One polling pass over every HTTP printer: each is asked for its state (in parallel, each under its own lock),
/// and what it says is applied through the same report sink the MQTT bridges feed.
/// </summary>
public sealed partial class HttpPrinterPoller(
    IHttpPrinterDirectory directory,
    IEnumerable<IHttpPrinterProtocol> protocols,
    HttpPrinterMonitor monitor,
    HttpPrinterLocks locks,
    HttpEndedJobFiles endedFiles,
    IPrinterReportSink sink,
    ILogger<HttpPrinterPoller> logger)
{
    private readonly Dictionary<Core.PrinterKind, IHttpPrinterProtocol> _protocols = protocols.ToDictionary(p => p.Kind);

    // How each printer last answered, so that a change is logged once and not every poll; a printer not yet seen
    // counts as answering, so one that is unreachable from the start is named once too.
    private readonly ConcurrentDictionary<string, ObservedLink> _links = new(StringComparer.Ordinal);

    public async Task PollOnceAsync(CancellationToken cancellationToken = default)
    {
        var endpoints = await directory.ListAsync(cancellationToken);
        await Task.WhenAll(endpoints.Select(endpoint => PollAsync(endpoint, cancellationToken)));
    }

    /// <summary>Polls one printer now, e.g. because it announced a change; skipped if it is busy with a command.</summary>
    public async Task PollPrinterAsync(string printerId, CancellationToken cancellationToken = default)
    {
        if (await directory.FindAsync(printerId, cancellationToken) is { } endpoint)
        {
            await PollAsync(endpoint, cancellationToken);
        }
    }

    private async Task PollAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken)
    {
        if (!_protocols.TryGetValue(endpoint.Kind, out var protocol))
        {
            LogNoProtocol(logger, endpoint.PrinterId, endpoint.Kind.ToString());
            return;
        }

        // A printer in the middle of a command (an upload can take minutes) is polled next time; waiting for it
        // would hold up the whole pass, and the command's own acknowledgement says what it did.
        using var held = await locks.TryEnterAsync(endpoint.PrinterId, cancellationToken);
        if (held is null)
        {
            return;
        }

        var observation = await protocol.ObserveAsync(endpoint, cancellationToken);
        LogLink(endpoint.PrinterId, observation);

        var reports = monitor.Record(endpoint, observation);
        foreach (var report in reports)
        {
            try
            {
                await sink.HandleAsync(report, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next poll shows the printer again; a state that could not be applied now is not lost for good.
                LogApplyFailed(logger, ex, report.GetType().Name, endpoint.PrinterId);
                return;
            }
        }

        await protocol.TendLinkAsync(endpoint, cancellationToken);

        // The file stays on the printer until the next job starts there (see HttpEndedJobFiles): deleting it now
        // would let a re-sent start upload and print the job again.
        foreach (var ended in reports.OfType<JobReport>().Where(r => r.Kind is JobReportKind.Completed or JobReportKind.Failed or JobReportKind.Cancelled && r.JobId is not null))
        {
            endedFiles.Remember(endpoint.PrinterId, ended.JobId!);
        }
    }

    private void LogLink(string printerId, HttpPrinterObservation observation)
    {
        var previous = _links.GetValueOrDefault(printerId, ObservedLink.Answered);
        _links[printerId] = observation.Link;
        var reason = observation.Reason ?? "no reason given";
        switch (observation.Link)
        {
            case ObservedLink.Answered when previous != ObservedLink.Answered:
                LogAnswersAgain(logger, printerId);
                break;
            case ObservedLink.Unreachable when previous != ObservedLink.Unreachable:
                LogUnreachable(logger, printerId, reason);
                break;
            case ObservedLink.Unauthorized when previous != ObservedLink.Unauthorized:
                LogKeyRefused(logger, printerId, reason);
                break;
            case ObservedLink.Unreachable or ObservedLink.Unauthorized:
                LogStillNoAnswer(logger, printerId, reason);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "No HTTP protocol is registered for printer {PrinterId} of kind {Kind}")]
    private static partial void LogNoProtocol(ILogger logger, string printerId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printer {PrinterId} does not answer the shop, so it cannot be watched or sent work until it does: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Printer {PrinterId} refuses the shop's API key, so it cannot be watched or sent work until the key is corrected: {Reason}")]
    private static partial void LogKeyRefused(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Printer {PrinterId} answers the shop again")]
    private static partial void LogAnswersAgain(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Printer {PrinterId} still does not answer the poll: {Reason}")]
    private static partial void LogStillNoAnswer(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {ReportType} from HTTP printer {PrinterId} failed; the next poll repeats it")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception, string reportType, string printerId);
}
