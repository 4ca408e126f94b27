using System.Net;
using System.Net.Http.Headers;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Download;

/// <summary>
/// Fetches a job's G-code to <c>{workDirectory}/{jobId}.gcode</c>: streamed to a <c>.part</c> file, resumed with a
/// Range request after an interruption, renamed only once size and SHA-256 match. Refusals (401, 404, a wrong hash)
/// are results; network hiccups are retried a few times.
/// </summary>
public sealed class GcodeDownloader(
    HttpClient httpClient,
    DeviceCredentials credentials,
    string workDirectory,
    TimeProvider timeProvider,
    ILogger<GcodeDownloader> logger)
{
    public const int MaxAttempts = 4;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    public async Task<DownloadResult> DownloadAsync(StartJobArguments job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!IsSafeFileName(job.JobId))
        {
            return DownloadResult.Failure("the job id cannot be used as a file name");
        }

        Directory.CreateDirectory(workDirectory);
        var finalPath = Path.Combine(workDirectory, job.JobId + ".gcode");
        var partPath = finalPath + ".part";
        if (File.Exists(finalPath) && await GcodeFileVerifier.FindProblemAsync(finalPath, job, cancellationToken) is null)
        {
            logger.LogInformation("G-code for job {JobId} is already downloaded", job.JobId);
            return DownloadResult.Success(finalPath);
        }

        var lastProblem = "no attempt was made";
        var retryDelay = FirstRetryDelay;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(retryDelay, timeProvider, cancellationToken);
                retryDelay *= 2;
            }

            var outcome = await TryOnceAsync(job, partPath, cancellationToken);
            if (outcome.Kind == AttemptKind.Refused)
            {
                return DownloadResult.Failure(outcome.Problem!);
            }

            if (outcome.Kind == AttemptKind.Transient)
            {
                lastProblem = outcome.Problem!;
                logger.LogWarning("Download of job {JobId} failed (attempt {Attempt} of {MaxAttempts}): {Problem}", job.JobId, attempt, MaxAttempts, lastProblem);
                continue;
            }

            var problem = await GcodeFileVerifier.FindProblemAsync(partPath, job, cancellationToken);
            if (problem is null)
            {
                File.Move(partPath, finalPath, overwrite: true);
                logger.LogInformation("Downloaded and verified G-code for job {JobId} ({SizeBytes} bytes)", job.JobId, job.SizeBytes);
                return DownloadResult.Success(finalPath);
            }

            File.Delete(partPath);
            if (!outcome.Resumed)
            {
                return DownloadResult.Failure(problem);
            }

            // The kept prefix may be what was wrong; one more attempt starts from nothing.
            lastProblem = problem;
            logger.LogWarning("Resumed download of job {JobId} did not verify ({Problem}); starting over", job.JobId, problem);
        }

        return DownloadResult.Failure($"download failed after {MaxAttempts} attempts: {lastProblem}");
    }

    private async Task<Attempt> TryOnceAsync(StartJobArguments job, string partPath, CancellationToken cancellationToken)
    {
        var existing = File.Exists(partPath) ? new FileInfo(partPath).Length : 0;
        if (existing > job.SizeBytes)
        {
            File.Delete(partPath);
            existing = 0;
        }

        if (existing > 0 && existing == job.SizeBytes)
        {
            return new Attempt(AttemptKind.Complete, null, Resumed: true);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, job.GcodeUrl);
        request.Headers.Authorization = credentials.ToAuthorizationHeader();
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }

        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var kind = Classify(response, existing);
            if (kind != AttemptKind.Complete)
            {
                if (response.StatusCode is HttpStatusCode.RequestedRangeNotSatisfiable or HttpStatusCode.PartialContent)
                {
                    // The kept prefix no longer lines up with what the server offers.
                    File.Delete(partPath);
                }

                return new Attempt(kind, Describe(response.StatusCode), Resumed: false);
            }

            var resumed = response.StatusCode == HttpStatusCode.PartialContent;
            if (existing > 0 && resumed)
            {
                logger.LogInformation("Resuming download of job {JobId} at byte {Offset}", job.JobId, existing);
            }
            else if (existing > 0)
            {
                logger.LogInformation("Server ignored the range for job {JobId}; starting over instead of at byte {Offset}", job.JobId, existing);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            await using var file = new FileStream(partPath, resumed ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await body.CopyToAsync(file, cancellationToken);
            return new Attempt(AttemptKind.Complete, null, resumed);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new Attempt(AttemptKind.Transient, ex.Message, Resumed: false);
        }
    }

    private static AttemptKind Classify(HttpResponseMessage response, long existing) => response.StatusCode switch
    {
        HttpStatusCode.OK => AttemptKind.Complete,
        HttpStatusCode.PartialContent when response.Content.Headers.ContentRange?.From == existing => AttemptKind.Complete,
        HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable => AttemptKind.Transient,
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => AttemptKind.Transient,
        >= HttpStatusCode.InternalServerError => AttemptKind.Transient,
        _ => AttemptKind.Refused,
    };

    private static string Describe(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => $"the shop refused the printer's credentials (HTTP {(int)status})",
        HttpStatusCode.NotFound => "the G-code file was not found (HTTP 404)",
        HttpStatusCode.PartialContent => "the server answered a different byte range than asked for",
        _ => $"HTTP {(int)status} {status}",
    };

    private static bool IsSafeFileName(string jobId) =>
        !string.IsNullOrWhiteSpace(jobId) && jobId.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && jobId is not ("." or "..");

    private enum AttemptKind
    {
        Complete,
        Transient,
        Refused,
    }

    private readonly record struct Attempt(AttemptKind Kind, string? Problem, bool Resumed);
}
