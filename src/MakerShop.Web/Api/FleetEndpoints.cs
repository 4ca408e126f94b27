using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MakerShop.Web.Api;

/// <summary>Read-only views of the farm: printers, jobs and the catalog.</summary>
public static class FleetEndpoints
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/printers", ListPrintersAsync).WithTags("Printers").WithName("ListPrinters");
        app.MapGet("/api/jobs", ListJobsAsync).WithTags("Jobs").WithName("ListJobs")
            .WithSummary("Print jobs, newest first; ?status=Queued|Assigned|Transferring|Printing|Paused|Completed|Failed|Cancelled, ?limit=1..1000.");
        app.MapGet("/api/products", ListProductsAsync).WithTags("Catalog").WithName("ListProducts");
        return app;
    }

    private static async Task<Ok<List<PrinterResponse>>> ListPrintersAsync(PrinterStore printers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await printers.ListWithTelemetryAsync(cancellationToken)).Select(PrinterResponse.From).ToList());

    private static async Task<Results<Ok<List<JobResponse>>, ProblemHttpResult>> ListJobsAsync(
        PrintJobStore jobs, string? status, int? limit, CancellationToken cancellationToken)
    {
        PrintJobStatus? filter = null;
        if (status is not null)
        {
            if (!Enum.TryParse<PrintJobStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem(statusCode: 400, title: "Unknown job status.",
                    detail: $"'{status}' is not one of {string.Join(", ", Enum.GetNames<PrintJobStatus>())}.");
            }

            filter = parsed;
        }

        if (limit is < 1 or > 1000)
        {
            return TypedResults.Problem(statusCode: 400, title: "limit must be between 1 and 1000.");
        }

        return TypedResults.Ok((await jobs.ListAsync(filter, limit ?? 200, cancellationToken)).Select(JobResponse.From).ToList());
    }

    private static async Task<Ok<List<ProductResponse>>> ListProductsAsync(ProductStore products, CancellationToken cancellationToken) =>
        TypedResults.Ok((await products.ListAsync(cancellationToken)).Select(ProductResponse.From).ToList());
}
