using System.Net;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Refit;

namespace MakerShop.Printers.Moonraker;

/// <summary>Moonraker (Klipper) over HTTP: one objects query per poll; uploads into <c>gcodes/makershop/</c> with a checksum and print=true.</summary>
public sealed class MoonrakerProtocol(HttpPrinterApiFactory apis) : IHttpPrinterProtocol
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);

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

            return Read(status) with { Firmware = await VersionAsync(endpoint, api, cancellationToken) };
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
                return response.Content?.Result is { PrintStarted: true } ? HttpCallResult.Done : new HttpCallResult(HttpCallOutcome.NotDone, "stored, but the print did not start");
            }

            return Failure(response);
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }
    }

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.PausePrintAsync(cancellationToken), cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.ResumePrintAsync(cancellationToken), cancellationToken);

    public Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.CancelPrintAsync(cancellationToken), cancellationToken);

    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.EmergencyStopAsync(cancellationToken), cancellationToken);

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
            machine = ObservedMachine.Error;
            reason = status.Webhooks?.StateMessage ?? reason ?? "Klippy " + klippy;
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

    public Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default) =>
        CommandAsync(endpoint, api => api.DeleteFileAsync(HttpJobFiles.MoonrakerFolder + "/" + HttpJobFiles.FileNameFor(jobId), cancellationToken), cancellationToken);

    private static HttpCallResult Failure(IApiResponse response) => response.StatusCode switch
    {
        null => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden when HttpCalls.ContainsError(response, "currently loaded")
            => new HttpCallResult(HttpCallOutcome.Conflict, HttpCalls.Describe(response)),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HttpCallResult(HttpCallOutcome.Unauthorized, HttpCalls.Describe(response)),
        HttpStatusCode.ServiceUnavailable => new HttpCallResult(HttpCallOutcome.NotOperational, HttpCalls.Describe(response)),
        HttpStatusCode.BadRequest when HttpCalls.ContainsError(response, "in progress")
            || HttpCalls.ContainsError(response, "state")
            => new HttpCallResult(HttpCallOutcome.Conflict, HttpCalls.Describe(response)),
        >= HttpStatusCode.InternalServerError => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        _ => new HttpCallResult(HttpCallOutcome.Rejected, HttpCalls.Describe(response)),
    };

    private Task<HttpCallResult> CommandAsync(HttpPrinterEndpoint endpoint, Func<IMoonrakerApi, Task<IApiResponse>> call, CancellationToken cancellationToken) =>
        HttpCalls.CommandAsync(() => call(apis.Create<IMoonrakerApi>(endpoint, HttpPrinterApiFactory.CommandClient)), Failure, cancellationToken);
}
