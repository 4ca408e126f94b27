using System.Net;
using System.Text.Json;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Logging;
using Refit;

namespace MakerShop.Printers.OctoPrint;

/// <summary>
/// OctoPrint over its REST API: reads <c>/api/job</c> and <c>/api/printer</c>, uploads with select and print, and, when
/// the poller asks, has OctoPrint open its serial link again when it is up but closed (see <see cref="OctoPrintLinkRepair"/>).
/// </summary>
public sealed partial class OctoPrintProtocol(HttpPrinterApiFactory apis, ILogger<OctoPrintProtocol> logger) : IHttpPrinterProtocol
{
    /// <summary>What the shop says when OctoPrint's link closed under a print: OctoPrint aborts it and forgets the file.</summary>
    public const string LinkClosedReason = "OctoPrint's connection to the printer closed, which aborts the print";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly OctoPrintLinkRepair _links = new();

    // What the last observation saw of each printer's serial link, for the poller's TendLinkAsync that follows it.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinkSighting> _sightings = new(StringComparer.Ordinal);

    public static readonly PrinterCapabilities OctoPrintCapabilities = new(
        CanPause: true, CanResume: true, CanCancel: true, CanEmergencyStop: true, PushesTelemetry: false, VerifiesUploadChecksum: false, ReportsTemperatures: true);

    public PrinterKind Kind => PrinterKind.OctoPrint;

    public PrinterCapabilities Capabilities => OctoPrintCapabilities;

    public async Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        _sightings.TryRemove(endpoint.PrinterId, out _);
        var api = apis.Create<IOctoPrintApi>(endpoint, HttpPrinterApiFactory.StatusClient);
        try
        {
            using var job = await api.GetJobAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (HttpCalls.IsAuthFailure(job.StatusCode))
            {
                return HttpPrinterObservation.Unauthorized(HttpCalls.Describe(job));
            }

            if (!job.IsSuccessStatusCode || job.Content is null)
            {
                return HttpPrinterObservation.Unreachable("GET /api/job: " + HttpCalls.Describe(job));
            }

            using var printer = await api.GetPrinterAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (HttpCalls.IsAuthFailure(printer.StatusCode))
            {
                return HttpPrinterObservation.Unauthorized(HttpCalls.Describe(printer));
            }

            if (printer.StatusCode != HttpStatusCode.Conflict && (!printer.IsSuccessStatusCode || printer.Content is null))
            {
                return HttpPrinterObservation.Unreachable("GET /api/printer: " + HttpCalls.Describe(printer));
            }

            var observation = Read(job.Content, printer.IsSuccessStatusCode ? printer.Content : null);
            _sightings[endpoint.PrinterId] = new LinkSighting(printer.IsSuccessStatusCode, job.Content.State, job.Content.Error);
            return observation with { Firmware = await VersionAsync(endpoint, api, cancellationToken) };
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            _versions.TryRemove(endpoint.PrinterId, out _);
            return HttpPrinterObservation.Unreachable(ex.Message);
        }
    }

    /// <summary>
    /// OctoPrint keeps a closed link closed (after a restart with autoconnect off, a disconnect, or an error), so the
    /// shop asks it to connect; a connect while a link is open or opening does nothing in OctoPrint. After an error the
    /// ask waits for a later poll, so the error and the print it ended are reported first; what the printer may do
    /// next (its bed needs a person) is the Core rule's to decide, not the link's.
    /// </summary>
    public async Task TendLinkAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        if (!_sightings.TryGetValue(endpoint.PrinterId, out var seen))
        {
            // Not answered, or the key refused: there is no link state to act on.
            return;
        }

        var closedWith = seen.Operational ? null : OctoPrintLinkRepair.Closed(seen.State);
        if (!_links.ShouldConnect(endpoint.PrinterId, seen.Operational, closedWith))
        {
            return;
        }

        // An OctoPrint whose printer is switched off stays closed for days: the operator hears of the spell once, and
        // the asks after (every 32 polls at most) are Debug detail.
        var ask = _links.Asks(endpoint.PrinterId);
        if (ask > 1)
        {
            LogReconnectAgain(logger, endpoint.PrinterId, ask, seen.Error ?? closedWith!);
        }
        else if (closedWith == OctoPrintLinkRepair.AfterError)
        {
            LogReconnectAfterError(logger, endpoint.PrinterId, seen.Error ?? closedWith);
        }
        else
        {
            LogReconnect(logger, endpoint.PrinterId);
        }

        var result = await CommandAsync(endpoint, api => api.PostConnectionAsync(new OctoPrintConnectionCommand("connect"), cancellationToken), cancellationToken);
        if (result.Outcome != HttpCallOutcome.Done)
        {
            if (ask > 1)
            {
                LogReconnectFailedAgain(logger, endpoint.PrinterId, ask, result.Detail ?? result.Outcome.ToString());
            }
            else
            {
                LogReconnectFailed(logger, endpoint.PrinterId, result.Detail ?? result.Outcome.ToString());
            }
        }
    }

    /// <summary>"OctoPrint 1.10.3", asked once per printer and again after it was unreachable (it may have been upgraded).</summary>
    private async Task<string?> VersionAsync(HttpPrinterEndpoint endpoint, IOctoPrintApi api, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(endpoint.PrinterId, out var known))
        {
            return known;
        }

        using var version = await api.GetVersionAsync(cancellationToken);
        if (version.IsSuccessStatusCode && version.Content?.Text is { Length: > 0 } text)
        {
            _versions[endpoint.PrinterId] = text;
            return text;
        }

        return null;
    }

    public async Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default)
    {
        var api = apis.Create<IOctoPrintApi>(endpoint, HttpPrinterApiFactory.UploadClient);
        try
        {
            using var response = await api.UploadAsync(new StreamPart(content, fileName, "application/octet-stream"), "true", "true", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return response.Content is { EffectivePrint: true } ? HttpCallResult.Done : new HttpCallResult(HttpCallOutcome.NotDone, "stored, but the print did not start");
            }

            return Failure(response);
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }
    }

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.PostJobAsync(OctoPrintJobCommand.Pause, cancellationToken), cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.PostJobAsync(OctoPrintJobCommand.Resume, cancellationToken), cancellationToken);

    public Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.PostJobAsync(OctoPrintJobCommand.Cancel, cancellationToken), cancellationToken);

    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.SendGcodeAsync(new OctoPrintGcodeCommand(["M112"]), cancellationToken), cancellationToken);

    public Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.DeleteFileAsync(HttpJobFiles.FileNameFor(jobId), cancellationToken), cancellationToken);

    /// <summary>Matches on the state flags, not the text; a 409 from <c>/api/printer</c> means not operational.</summary>
    internal static HttpPrinterObservation Read(OctoPrintJobState job, OctoPrintPrinterState? printer)
    {
        var flags = printer?.State?.Flags;
        var error = string.IsNullOrWhiteSpace(job.Error) ? null : job.Error;
        var stateText = job.State ?? printer?.State?.Text ?? "";
        ObservedMachine machine;
        var settling = false;
        if (flags is null)
        {
            machine = stateText.StartsWith("Error", StringComparison.OrdinalIgnoreCase) || stateText.Contains("after error", StringComparison.OrdinalIgnoreCase)
                ? ObservedMachine.Error
                : ObservedMachine.Disconnected;
        }
        else if (flags.Error)
        {
            machine = ObservedMachine.Error;
        }
        else if (flags.Pausing || flags.Paused)
        {
            // Pausing is where a pause ends up; a resume sent now would be ignored by OctoPrint (resume_print needs Paused).
            machine = ObservedMachine.Paused;
            settling = flags.Pausing;
        }
        else if (flags.Printing || flags.Cancelling || flags.Finishing || flags.Resuming)
        {
            // Starting, Cancelling and Finishing are in OctoPrint's PRINTING_STATES: a job is still on the printer.
            machine = ObservedMachine.Printing;
            settling = flags.Cancelling || flags.Finishing || flags.Resuming || stateText.StartsWith("Starting", StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            machine = flags.Operational ? ObservedMachine.Ready : ObservedMachine.Disconnected;
        }

        var file = job.Job?.File?.Name;
        var completion = job.Progress?.Completion;
        var end = machine == ObservedMachine.Disconnected ? ObservedJobEnd.Failed
            : file is null ? ObservedJobEnd.None
            : machine == ObservedMachine.Error ? ObservedJobEnd.Failed
            : machine == ObservedMachine.Ready && completion >= 100 ? ObservedJobEnd.Completed
            : machine == ObservedMachine.Ready && error is not null ? ObservedJobEnd.Failed
            : ObservedJobEnd.None;
        var left = job.Progress?.PrintTimeLeft;
        return new HttpPrinterObservation(
            ObservedLink.Answered,
            machine,
            file,
            completion is { } c ? Math.Clamp(c / 100, 0, 1) : null,
            left is { } l ? (int)Math.Round(l) : null,
            end,
            error ?? (machine == ObservedMachine.Error ? stateText : machine == ObservedMachine.Disconnected ? LinkClosedReason : null),
            Heaters(printer?.Temperature),
            null) { Settling = settling };
    }

    private static List<HeaterReading> Heaters(Dictionary<string, JsonElement>? temperature)
    {
        var heaters = new List<HeaterReading>();
        if (temperature is null)
        {
            return heaters;
        }

        foreach (var (name, reading) in temperature)
        {
            if (name == "history" || reading.ValueKind != JsonValueKind.Object
                || !reading.TryGetProperty("actual", out var actual) || actual.ValueKind != JsonValueKind.Number)
            {
                continue;
            }

            double? target = reading.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : null;
            heaters.Add(new HeaterReading(name, actual.GetDouble(), target));
        }

        return heaters;
    }

    private static HttpCallResult Failure(IApiResponse response) => response.StatusCode switch
    {
        null => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HttpCallResult(HttpCallOutcome.Unauthorized, HttpCalls.Describe(response)),
        HttpStatusCode.Conflict => new HttpCallResult(
            HttpCalls.ContainsError(response, "not operational") ? HttpCallOutcome.NotOperational : HttpCallOutcome.Conflict,
            HttpCalls.Describe(response)),
        >= HttpStatusCode.InternalServerError => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        _ => new HttpCallResult(HttpCallOutcome.Rejected, HttpCalls.Describe(response)),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "OctoPrint {PrinterId} is up but its printer link is closed; asking it to connect")]
    private static partial void LogReconnect(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OctoPrint {PrinterId} closed its printer link after an error ({Error}); asking it to connect again")]
    private static partial void LogReconnectAfterError(ILogger logger, string printerId, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking OctoPrint {PrinterId} to connect to its printer failed: {Reason}")]
    private static partial void LogReconnectFailed(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "OctoPrint {PrinterId} still has no printer link ({State}); asking it to connect again (ask {Ask})")]
    private static partial void LogReconnectAgain(ILogger logger, string printerId, int ask, string state);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Asking OctoPrint {PrinterId} to connect to its printer failed again (ask {Ask}): {Reason}")]
    private static partial void LogReconnectFailedAgain(ILogger logger, string printerId, int ask, string reason);

    private sealed record LinkSighting(bool Operational, string? State, string? Error);

    private Task<HttpCallResult> CommandAsync(HttpPrinterEndpoint endpoint, Func<IOctoPrintApi, Task<IApiResponse>> call, CancellationToken cancellationToken) =>
        HttpCalls.CommandAsync(() => call(apis.Create<IOctoPrintApi>(endpoint, HttpPrinterApiFactory.CommandClient)), Failure, cancellationToken);
}
