using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Devices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace MakerShop.Web.Api;

/// <summary>Endpoints printers call with their device credentials.</summary>
public static class DeviceEndpoints
{
    public static IEndpointRouteBuilder MapDeviceApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/api/devices/jobs/{jobId}/gcode", [HttpMethods.Get, HttpMethods.Head], DownloadGcodeAsync)
            .WithTags("Devices").WithName("DownloadJobGcode")
            .WithSummary("A job's G-code for the printer it is assigned to (HTTP Basic: printer id and secret; Range supported).");
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadGcodeAsync(
        string jobId, HttpContext context, DeviceAuthenticator authenticator, PrintJobStore jobs, DataPaths paths, CancellationToken cancellationToken)
    {
        var credentials = DeviceCredentials.TryParse(context.Request.Headers.Authorization);
        if (!await authenticator.IsValidAsync(credentials, cancellationToken))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"makershop-devices\"";
            return TypedResults.Problem(statusCode: 401, title: "Device credentials are missing or wrong.");
        }

        // A printer learns nothing about jobs that are not its own: not even that they exist.
        var job = await jobs.GetAsync(jobId, cancellationToken);
        if (job is null || job.PrinterId != credentials!.PrinterId || !job.IsActive)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such job for this printer.");
        }

        var path = Path.GetFullPath(Path.Combine(paths.DataDirectory, job.GcodePath));
        if (!path.StartsWith(paths.DataDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return TypedResults.Problem(statusCode: 500, title: "The job's G-code file is missing from the data folder.");
        }

        // The content hash is the entity tag, so a resumed download with If-Range never splices two different files.
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return TypedResults.File(stream, "text/x.gcode", fileDownloadName: $"{job.Id}.gcode",
            lastModified: File.GetLastWriteTimeUtc(path), entityTag: new EntityTagHeaderValue($"\"{job.GcodeSha256}\""), enableRangeProcessing: true);
    }
}
