using System.Net;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Logging;
using Refit;

namespace MakerShop.Printers.Moonraker;

/// <summary>
/// Moonraker (Klipper) over HTTP: one objects query per poll; uploads into <c>gcodes/makershop/</c> with a checksum and
/// print=true. Klipper's cancel leaves the heaters at their targets, so a cancel is followed by TURN_OFF_HEATERS.
/// </summary>
public sealed partial class MoonrakerProtocol(HttpPrinterApiFactory apis, ILogger<MoonrakerProtocol> logger) : IHttpPrinterProtocol
{
    /// <summary>Klipper's own command that sets every heater's target to 0.</summary>
    public const string TurnOffHeaters = "TURN_OFF_HEATERS";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);
    private readonly MoonrakerDroppedPrints _dropped = new();

    public static readonly PrinterCapabilities MoonrakerCapabilities = new(
        CanPause: true, CanResume: true, CanCancel: true, CanEmergencyStop: true, PushesTelemetry: false, VerifiesUploadChecksum: true, ReportsTemperatures: true);

    public PrinterKind Kind => PrinterKind.Moonraker;

    public PrinterCapabilities Capabilities => MoonrakerCapabilities;

    public async Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var api = apis.Create<IMoonrakerApi>(endpoint, HttpPrinterApiFactory.StatusClient);
        try
        {
            using var response = await api.QueryObjectsAsync(MoonrakerObjectsQuery.Status, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (HttpCalls.IsAuthFailure(response.StatusCode))
            {
                return HttpPrinterObservation.Unauthorized(HttpCalls.Describe(response));
            }

            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                // Moonraker is there, Klippy is not: the machine is offline, whatever it was doing.
                return new HttpPrinterObservation(ObservedLink.Answered, ObservedMachine.Disconnected, null, null, null, ObservedJobEnd.None, HttpCalls.Describe(response), [], null);
            }

            if (!response.IsSuccessStatusCode || response.Content?.Result?.Status is not { } status)
            {
                return HttpPrinterObservation.Unreachable("objects query: " + HttpCalls.Describe(response));
            }

            return _dropped.Apply(endpoint.PrinterId, Read(status)) with { Firmware = await VersionAsync(endpoint, api, cancellationToken) };
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            _versions.TryRemove(endpoint.PrinterId, out _);
            return HttpPrinterObservation.Unreachable(ex.Message);
        }
    }

    /// <summary>"Klipper v0.12.0 / Moonraker v0.9.3", asked once per printer and again after it was unreachable.</summary>
    private async Task<string?> VersionAsync(HttpPrinterEndpoint endpoint, IMoonrakerApi api, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(endpoint.PrinterId, out var known))
        {
            return known;
        }

        using var server = await api.GetServerInfoAsync(cancellationToken);
        using var printer = await api.GetPrinterInfoAsync(cancellationToken);
        if (server.Content?.Result?.MoonrakerVersion is not { } moonraker || printer.Content?.Result?.SoftwareVersion is not { } klipper)
        {
            return null;
        }

        var text = $"Klipper {klipper} / Moonraker {moonraker}";
        _versions[endpoint.PrinterId] = text;
        return text;
    }

    public async Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default)
    {
        var api = apis.Create<IMoonrakerApi>(endpoint, HttpPrinterApiFactory.UploadClient);
        try
        {
            using var response = await api.UploadAsync(
                new StreamPart(content, fileName, "application/octet-stream"), "gcodes", HttpJobFiles.MoonrakerFolder, sha256, "true", cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                // A queued start is Moonraker's job queue taking the print to start it itself as soon as Klipper can.
                return response.Content is { PrintStarted: true } or { PrintQueued: true }
                    ? HttpCallResult.Done
                    : new HttpCallResult(HttpCallOutcome.NotDone, "stored, but the print did not start");
            }

            return MoonrakerRefusals.Read(response, MoonrakerEndpoint.Upload);
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }
    }

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.PausePrintAsync(cancellationToken), MoonrakerEndpoint.PrintControl, cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.ResumePrintAsync(cancellationToken), MoonrakerEndpoint.PrintControl, cancellationToken);

    /// <summary>
    /// Cancels, then turns the heaters off: Klipper's CANCEL_PRINT keeps the targets (210/60 stay set). Moonraker answers
    /// the cancel once Klipper has run it, and the connector only cancels a print it has just seen running and looks
    /// again itself when the answer is a refusal or none, so the 200 needs no second look here.
    /// </summary>
    public async Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var cancelled = await CommandAsync(endpoint, api => api.CancelPrintAsync(cancellationToken), MoonrakerEndpoint.PrintControl, cancellationToken);
        if (cancelled.Outcome != HttpCallOutcome.Done)
        {
            return cancelled;
        }

        // The print is cancelled whatever this answers: a refused TURN_OFF_HEATERS must not turn the cancel into a
        // refusal, but hot heaters on an idle printer are for a person to know about.
        var off = await CommandAsync(endpoint, api => api.RunGcodeAsync(new MoonrakerGcodeScript(TurnOffHeaters), cancellationToken), MoonrakerEndpoint.Gcode, cancellationToken);
        if (off.Outcome != HttpCallOutcome.Done)
        {
            LogHeatersLeftOn(logger, endpoint.PrinterId, off.Detail ?? off.Outcome.ToString());
        }

        return HttpCallResult.Done;
    }

    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.EmergencyStopAsync(cancellationToken), MoonrakerEndpoint.EmergencyStop, cancellationToken);

    internal static HttpPrinterObservation Read(MoonrakerStatus status)
    {
        var stats = status.PrintStats;
        var file = string.IsNullOrEmpty(stats?.Filename) ? null : stats.Filename;
        var printState = stats?.State ?? "standby";
        var reason = string.IsNullOrWhiteSpace(stats?.Message) ? null : stats.Message;
        var klippy = status.Webhooks?.State ?? "ready";
        ObservedMachine machine;
        var end = ObservedJobEnd.None;
        if (klippy is "shutdown" or "error")
        {
            // In a shutdown print_stats reads "paused" (Klipper pauses the virtual SD card); the shutdown itself and its
            // cause are in webhooks, whose message is the cause's line followed by Klipper's generic advice.
            machine = ObservedMachine.Error;
            reason = FirstLine(status.Webhooks?.StateMessage) ?? reason ?? "Klippy " + klippy;
            end = file is not null && printState is "printing" or "paused" or "error" ? ObservedJobEnd.Failed : ObservedJobEnd.None;
        }
        else if (klippy != "ready")
        {
            machine = ObservedMachine.Disconnected;
        }
        else
        {
            (machine, end) = printState switch
            {
                "printing" => (ObservedMachine.Printing, ObservedJobEnd.None),
                "paused" => (ObservedMachine.Paused, ObservedJobEnd.None),
                "complete" => (ObservedMachine.Ready, ObservedJobEnd.Completed),
                "cancelled" => (ObservedMachine.Ready, ObservedJobEnd.Cancelled),
                "error" => (ObservedMachine.Ready, ObservedJobEnd.Failed),
                _ => (ObservedMachine.Ready, ObservedJobEnd.None),
            };
        }

        var progress = status.VirtualSdcard?.Progress ?? status.DisplayStatus?.Progress;
        int? eta = progress is > 0.01 and < 1 && stats?.PrintDuration is { } elapsed ? (int)Math.Round(elapsed * (1 - progress.Value) / progress.Value) : null;
        var heaters = new List<HeaterReading>();
        if (status.Extruder?.Temperature is { } tool)
        {
            heaters.Add(new HeaterReading("tool0", tool, status.Extruder.Target));
        }

        if (status.HeaterBed?.Temperature is { } bed)
        {
            heaters.Add(new HeaterReading("bed", bed, status.HeaterBed.Target));
        }

        return new HttpPrinterObservation(ObservedLink.Answered, machine, file, progress, eta, end, end == ObservedJobEnd.Completed ? null : reason, heaters, null);
    }

    private static string? FirstLine(string? message) =>
        message?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    public Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.DeleteFileAsync(HttpJobFiles.MoonrakerFolder + "/" + HttpJobFiles.FileNameFor(jobId), cancellationToken), MoonrakerEndpoint.FileDelete, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The print on Moonraker {PrinterId} was cancelled, but turning its heaters off failed, so they may still be heating: {Reason}")]
    private static partial void LogHeatersLeftOn(ILogger logger, string printerId, string reason);

    private Task<HttpCallResult> CommandAsync(HttpPrinterEndpoint endpoint, Func<IMoonrakerApi, Task<IApiResponse>> call, MoonrakerEndpoint kind, CancellationToken cancellationToken) =>
        HttpCalls.CommandAsync(() => call(apis.Create<IMoonrakerApi>(endpoint, HttpPrinterApiFactory.CommandClient)), response => MoonrakerRefusals.Read(response, kind), cancellationToken);
}
