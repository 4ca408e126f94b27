using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Refit;

namespace MakerShop.Printers.PrusaLink;

/// <summary>
/// A Prusa printer's own PrusaLink (Buddy firmware) over its v1 API: one status read per poll (and the job when there is
/// one, for its file name and id), uploads by <c>PUT</c> to the <c>usb</c> storage with print-after-upload, and pause,
/// resume and stop addressed to the printer's current job id. The API has no G-code endpoint, so an emergency stop is
/// the fastest thing it offers: stopping the job.
/// </summary>
public sealed class PrusaLinkProtocol(HttpPrinterApiFactory apis) : IHttpPrinterProtocol
{
    /// <summary>Buddy's one storage: the USB stick.</summary>
    public const string Storage = "usb";

    public static readonly PrinterCapabilities PrusaLinkCapabilities = new(
        CanPause: true, CanResume: true, CanCancel: true, CanEmergencyStop: false, PushesTelemetry: false, VerifiesUploadChecksum: false, ReportsTemperatures: true);

    private readonly ConcurrentDictionary<string, string> _versions = new(StringComparer.Ordinal);

    public PrinterKind Kind => PrinterKind.PrusaLink;

    public PrinterCapabilities Capabilities => PrusaLinkCapabilities;

    public async Task<HttpPrinterObservation> ObserveAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default)
    {
        var api = apis.Create<IPrusaLinkApi>(endpoint, HttpPrinterApiFactory.StatusClient);
        try
        {
            using var status = await api.GetStatusAsync(cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            if (HttpCalls.IsAuthFailure(status.StatusCode))
            {
                return HttpPrinterObservation.Unauthorized(HttpCalls.Describe(status));
            }

            if (!status.IsSuccessStatusCode || status.Content is null)
            {
                return HttpPrinterObservation.Unreachable("GET /api/v1/status: " + HttpCalls.Describe(status));
            }

            PrusaLinkJob? job = null;
            if (status.Content.Job is not null || PrusaLinkStates.HasJob(status.Content.Printer?.State?.ToUpperInvariant()))
            {
                using var current = await api.GetJobAsync(cancellationToken);
                if (HttpCalls.IsAuthFailure(current.StatusCode))
                {
                    return HttpPrinterObservation.Unauthorized(HttpCalls.Describe(current));
                }

                if (!current.IsSuccessStatusCode)
                {
                    return HttpPrinterObservation.Unreachable("GET /api/v1/job: " + HttpCalls.Describe(current));
                }

                job = current.Content;
            }

            return PrusaLinkStates.Read(status.Content, job) with { Firmware = await VersionAsync(endpoint, api, cancellationToken) };
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            _versions.TryRemove(endpoint.PrinterId, out _);
            return HttpPrinterObservation.Unreachable(ex.Message);
        }
    }

    /// <summary>"PrusaLink / firmware 6.1.3", asked once per printer and again after it was unreachable (it may have been updated).</summary>
    private async Task<string?> VersionAsync(HttpPrinterEndpoint endpoint, IPrusaLinkApi api, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(endpoint.PrinterId, out var known))
        {
            return known;
        }

        using var version = await api.GetVersionAsync(cancellationToken);
        if (!version.IsSuccessStatusCode || version.Content is not { } content)
        {
            return null;
        }

        var text = content.Firmware is { Length: > 0 } firmware ? $"{content.Text ?? "PrusaLink"} / firmware {firmware}" : content.Text;
        if (text is { Length: > 0 })
        {
            _versions[endpoint.PrinterId] = text;
        }

        return text;
    }

    public async Task<HttpCallResult> UploadAndPrintAsync(HttpPrinterEndpoint endpoint, string fileName, Stream content, string sha256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var api = apis.Create<IPrusaLinkApi>(endpoint, HttpPrinterApiFactory.UploadClient);
        try
        {
            // Seekable, so the digest fallback can send the body again after the printer's challenge.
            using var body = new StreamContent(content);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            if (content.CanSeek)
            {
                body.Headers.ContentLength = content.Length - content.Position;
            }

            using var response = await api.UploadAsync(Storage, fileName, body, cancellationToken);
            return response.IsSuccessStatusCode ? HttpCallResult.Done : Failure(response, notFoundIsConflict: false);
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }
    }

    public Task<HttpCallResult> PauseAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        JobCommandAsync(endpoint, (api, id) => api.PauseJobAsync(id, cancellationToken), cancellationToken);

    public Task<HttpCallResult> ResumeAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        JobCommandAsync(endpoint, (api, id) => api.ResumeJobAsync(id, cancellationToken), cancellationToken);

    public Task<HttpCallResult> CancelAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        JobCommandAsync(endpoint, (api, id) => api.StopJobAsync(id, cancellationToken), cancellationToken);

    /// <summary>PrusaLink's API sends no G-code, so the nearest thing to M112 it has is stopping the job at once.</summary>
    public Task<HttpCallResult> EmergencyStopAsync(HttpPrinterEndpoint endpoint, CancellationToken cancellationToken = default) =>
        CancelAsync(endpoint, cancellationToken);

    public Task<HttpCallResult> DeleteJobFileAsync(HttpPrinterEndpoint endpoint, string jobId, CancellationToken cancellationToken = default) =>
        HttpCalls.CommandAsync(
            () => apis.Create<IPrusaLinkApi>(endpoint, HttpPrinterApiFactory.CommandClient).DeleteFileAsync(Storage, HttpJobFiles.FileNameFor(jobId), cancellationToken),
            response => Failure(response, notFoundIsConflict: false),
            cancellationToken);

    /// <summary>Pause, resume and stop name the job by the printer's id for it, read just before; no job is a conflict.</summary>
    private async Task<HttpCallResult> JobCommandAsync(HttpPrinterEndpoint endpoint, Func<IPrusaLinkApi, long, Task<IApiResponse>> call, CancellationToken cancellationToken)
    {
        var api = apis.Create<IPrusaLinkApi>(endpoint, HttpPrinterApiFactory.CommandClient);
        long id;
        try
        {
            using var job = await api.GetJobAsync(cancellationToken);
            if (!job.IsSuccessStatusCode)
            {
                return Failure(job, notFoundIsConflict: true);
            }

            if (job.Content?.Id is not { } current)
            {
                return new HttpCallResult(HttpCallOutcome.Conflict, "no job on the printer");
            }

            id = current;
        }
        catch (Exception ex) when (HttpCalls.IsNoAnswer(ex, cancellationToken))
        {
            return new HttpCallResult(HttpCallOutcome.Unreachable, ex.Message);
        }

        return await HttpCalls.CommandAsync(() => call(api, id), response => Failure(response, notFoundIsConflict: true), cancellationToken);
    }

    /// <summary>
    /// 409 is the printer's state refusing (printing, or not paused); a 404 from a job command is the job having changed
    /// since it was read, which is the same thing, while from a file call it means the file or storage is not there.
    /// </summary>
    private static HttpCallResult Failure(IApiResponse response, bool notFoundIsConflict) => response.StatusCode switch
    {
        null => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new HttpCallResult(HttpCallOutcome.Unauthorized, HttpCalls.Describe(response)),
        HttpStatusCode.Conflict => new HttpCallResult(HttpCallOutcome.Conflict, HttpCalls.Describe(response)),
        HttpStatusCode.NotFound when notFoundIsConflict => new HttpCallResult(HttpCallOutcome.Conflict, HttpCalls.Describe(response)),
        >= HttpStatusCode.InternalServerError => new HttpCallResult(HttpCallOutcome.Unreachable, HttpCalls.Describe(response)),
        _ => new HttpCallResult(HttpCallOutcome.Rejected, HttpCalls.Describe(response)),
    };
}
