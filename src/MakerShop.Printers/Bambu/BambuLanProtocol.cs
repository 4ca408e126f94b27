using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// A Bambu Lab printer in LAN mode behind the same contract as OctoPrint and Moonraker, so the dispatcher, outbox, bed
/// safety, poller and reports drive it unchanged: observing reads the MQTT session's merged report, a start packages
/// the G-code as a 3MF, uploads it over FTPS and sends <c>project_file</c>, and is done only once the printer shows the
/// job (a printer that takes the command and stays idle refuses control, which is reported, not waited on forever).
/// </summary>
public sealed partial class BambuLanProtocol(
    BambuSessions sessions,
    IBambuFileTransfer transfer,
    IBambuJobPackager packager,
    BambuLanOptions options,
    TimeProvider time,
    ILogger<BambuLanProtocol> logger,
    BambuAddressCheck? addresses = null) : IHttpPrinterProtocol
{
    /// <summary>What a maker must switch on at the printer so that it takes the shop's commands.</summary>
    public const string DeveloperModeAdvice = "On the printer: Settings → LAN Only mode on, then Developer Mode on";

    /// <summary>The start of the refusal of a job whose material and colour no AMS tray holds.</summary>
    public const string FilamentNotLoaded = "filament-not-loaded";

    public static readonly PrinterCapabilities BambuCapabilities = new(
        CanPause: true, CanResume: true, CanCancel: true, CanEmergencyStop: true, PushesTelemetry: false, VerifiesUploadChecksum: false, ReportsTemperatures: true);

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<(string PrinterId, string JobId), string> _packages = new();
    private long _lastTaskId;

    public PrinterKind Kind => PrinterKind.BambuLan;

    public PrinterCapabilities Capabilities => BambuCapabilities;

    public Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        Task.FromResult(sessions.For(endpoint).Observe());

    public Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default) =>
        PrintAsync(endpoint, fileName, content, null, cancellationToken);

    /// <summary>
    /// With an AMS, the job prints from the tray that holds its material and colour; when none does it is refused
    /// before anything is uploaded, and the printer's page says what to load. Without an AMS, the external spool.
    /// </summary>
    public Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, StartJobArguments start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        return PrintAsync(endpoint, fileName, content, start.Material is { } material && start.Colour is { } colour ? new FilamentNeed(material, colour) : null, cancellationToken);
    }

    private async Task<HttpCallResult> PrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, FilamentNeed? need, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(fileName);
        var session = sessions.For(endpoint);
        var observed = session.Observe();
        if (Unavailable(observed) is { } unavailable)
        {
            return unavailable;
        }

        FilamentTray? tray = null;
        if (need is not null && observed.Filament is { HasAms: true } filament)
        {
            tray = filament.TrayFor(need.Material, need.Colour);
            if (tray is null)
            {
                session.MarkWanted(need);
                LogFilamentMissing(logger, endpoint.PrinterId, need.Material, need.Colour);
                return new HttpCallResult(HttpCallOutcome.Rejected, $"{FilamentNotLoaded}: {need.Material} {need.Colour}");
            }

            session.MarkWanted(null);
        }

        if (await FtpsTargetAsync(endpoint, cancellationToken) is not { Target: { } target })
        {
            return new HttpCallResult(HttpCallOutcome.Rejected, "the shop's printer address policy refuses this printer's address");
        }

        var jobName = fileName.EndsWith(HttpJobFiles.Extension, StringComparison.Ordinal) ? fileName[..^HttpJobFiles.Extension.Length] : fileName;
        BambuJobPackage package;
        await using (var packaged = TemporaryFile(jobName))
        {
            package = await packager.PackageAsync(content, jobName, packaged, cancellationToken);
            packaged.Position = 0;
            try
            {
                await transfer.UploadAsync(target, package.FileName, packaged, cancellationToken);
            }
            catch (BambuTransferException ex)
            {
                LogUploadFailed(logger, endpoint.PrinterId, ex.Message);
                return new HttpCallResult(ex.Retryable ? HttpCallOutcome.Unreachable : HttpCallOutcome.Unauthorized, ex.Message);
            }
        }

        _packages[(endpoint.PrinterId, jobName)] = package.FileName;
        var sequenceId = session.NextSequenceId();
        var reply = session.ReplyTo(sequenceId);
        try
        {
            if (!await session.PublishAsync(BambuCommands.ProjectFile(sequenceId, package, session.Identity.Serial, fileName, NextTaskId(), tray?.Index), cancellationToken))
            {
                return new HttpCallResult(HttpCallOutcome.Unreachable, "the connection to the printer dropped before the print command was sent");
            }

            var settled = await session.WaitForAsync(
                print => Started(print, fileName) || BambuReportTranslator.RefusesControl(print) || Failed(reply),
                options.StartConfirmation,
                cancellationToken);
            var now = session.State.Snapshot();
            if (settled && Started(now, fileName))
            {
                return HttpCallResult.Done;
            }

            if (Failed(reply) && reply.Result is var answer && !RefusedForVerification(answer))
            {
                var reason = BambuReportTranslator.Text(answer["reason"]) ?? "no reason given";
                return new HttpCallResult(HttpCallOutcome.Rejected, "the printer refused the print: " + reason);
            }

            // Refused outright, or taken and dropped without a word (P1/A1 firmware that wants signed commands does that).
            session.MarkControlRefused();
            LogControlRefused(logger, endpoint.PrinterId, settled ? "it said so" : "it stayed idle");
            return new HttpCallResult(HttpCallOutcome.Rejected, Reports.PrinterErrorReasons.BambuDeveloperModeOff + " (" + DeveloperModeAdvice + ")");
        }
        finally
        {
            session.ForgetReply(sequenceId);
        }
    }

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        ControlAsync(endpoint, "pause", cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        ControlAsync(endpoint, "resume", cancellationToken);

    public Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var session = sessions.For(endpoint);
        session.MarkCancelled(BambuReportTranslator.Text(session.State.Snapshot()["subtask_name"]));
        return ControlAsync(endpoint, "stop", cancellationToken);
    }

    /// <summary>The LAN protocol has no emergency stop of its own: <c>stop</c> is the nearest, so an emergency stop is a stop.</summary>
    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CancelAsync(endpoint, cancellationToken);

    public async Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var name = _packages.GetValueOrDefault((endpoint.PrinterId, jobId)) ?? packager.FileNameOf(jobId);
        if (await FtpsTargetAsync(endpoint, cancellationToken) is not { Target: { } target })
        {
            return new HttpCallResult(HttpCallOutcome.Rejected, "the shop's printer address policy refuses this printer's address");
        }

        try
        {
            await transfer.DeleteAsync(target, name, cancellationToken);
            _packages.TryRemove((endpoint.PrinterId, jobId), out _);
            return HttpCallResult.Done;
        }
        catch (BambuTransferException ex)
        {
            return new HttpCallResult(ex.Retryable ? HttpCallOutcome.Unreachable : HttpCallOutcome.Unauthorized, ex.Message);
        }
    }

    private async Task<HttpCallResult> ControlAsync(HttpPrinterEndpoint endpoint, string command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var session = sessions.For(endpoint);
        if (Unavailable(session.Observe()) is { } unavailable)
        {
            return unavailable;
        }

        return await session.PublishAsync(BambuCommands.Control(command, session.NextSequenceId()), cancellationToken)
            ? HttpCallResult.Done
            : new HttpCallResult(HttpCallOutcome.Unreachable, "the connection to the printer dropped");
    }

    private static HttpCallResult? Unavailable(HttpPrinterObservation observation) => observation.Link switch
    {
        ObservedLink.Unreachable => new HttpCallResult(HttpCallOutcome.Unreachable, observation.Reason),
        ObservedLink.Unauthorized => new HttpCallResult(HttpCallOutcome.Unauthorized, observation.Reason),
        _ => null,
    };

    private static bool Started(JsonObject print, string fileName) =>
        BambuReportTranslator.Text(print["gcode_state"])?.ToUpperInvariant() is "PREPARE" or "SLICING" or "RUNNING" or "PAUSE" or "FINISH"
        && BambuReportTranslator.Text(print["subtask_name"]) == fileName;

    private static bool Failed(Task<JsonObject> reply) =>
        reply.IsCompletedSuccessfully && string.Equals(BambuReportTranslator.Text(reply.Result["result"]), "failed", StringComparison.OrdinalIgnoreCase);

    private static bool RefusedForVerification(JsonObject reply) =>
        BambuReportTranslator.Text(reply["reason"])?.Contains("verify failed", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Where to send files, at the address the policy has just allowed; no target when it refuses (logged).</summary>
    private async Task<(BambuFtpsTarget? Target, string? Refusal)> FtpsTargetAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken)
    {
        var identity = endpoint.Bambu ?? throw new InvalidOperationException($"Printer {endpoint.PrinterId} has no Bambu Lab identity.");
        var (host, refusal) = await (addresses ?? new BambuAddressCheck()).CheckAsync(endpoint, cancellationToken);
        if (refusal is not null)
        {
            LogAddressRefused(logger, endpoint.PrinterId, refusal);
            return (null, refusal);
        }

        return (new BambuFtpsTarget(host, identity.FtpsPort, identity.Serial, endpoint.ApiKey, identity.CertificateSha256), null);
    }

    /// <summary>A task id no earlier start used, below 2^31 and never 0 (the firmware clamps larger ones and rejects 0).</summary>
    private int NextTaskId()
    {
        lock (_gate)
        {
            var candidate = Math.Max(time.GetUtcNow().ToUnixTimeMilliseconds() % int.MaxValue, _lastTaskId + 1);
            _lastTaskId = candidate >= int.MaxValue ? 1 : Math.Max(candidate, 1);
            return (int)_lastTaskId;
        }
    }

    private static FileStream TemporaryFile(string jobName) => new(
        Path.Combine(Path.GetTempPath(), $"makershop-{jobName}-{Guid.NewGuid():N}.3mf"),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu Lab printer {PrinterId} has no AMS tray with {Material} {Colour}; the job goes back to the queue")]
    private static partial void LogFilamentMissing(ILogger logger, string printerId, string material, string colour);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shop's printer address policy refuses the FTPS connection to Bambu Lab printer {PrinterId}: {Reason}")]
    private static partial void LogAddressRefused(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uploading a job to Bambu Lab printer {PrinterId} failed: {Reason}")]
    private static partial void LogUploadFailed(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu Lab printer {PrinterId} refuses control commands ({How}); it needs LAN Only mode and Developer Mode on")]
    private static partial void LogControlRefused(ILogger logger, string printerId, string how);
}
