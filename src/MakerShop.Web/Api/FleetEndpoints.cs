using System.Security.Claims;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MakerShop.Web.Api;

/// <summary>Read-only views of the farm: printers, jobs and the catalog.</summary>
public static class FleetEndpoints
{
    public static IEndpointRouteBuilder MapFleetApi(this IEndpointRouteBuilder app)
    {
        // The owner sees the whole farm; a maker sees only their own printers and the jobs that ran on them.
        app.MapGet("/api/printers", ListPrintersAsync).WithTags("Printers").WithName("ListPrinters").RequireAuthorization(AccountsSetup.StaffPolicy);
        app.MapGet("/api/jobs", ListJobsAsync).WithTags("Jobs").WithName("ListJobs").RequireAuthorization(AccountsSetup.StaffPolicy)
            .WithSummary("Print jobs, newest first; ?status=Queued|Assigned|Transferring|Printing|Paused|Completed|Failed|Cancelled, ?limit=1..1000.");
        app.MapGet("/api/products", ListProductsAsync).WithTags("Catalog").WithName("ListProducts");
        return app;
    }

    private static async Task<Ok<List<PrinterResponse>>> ListPrintersAsync(ClaimsPrincipal user, PrinterStore printers, CancellationToken cancellationToken) =>
        TypedResults.Ok((await printers.ListWithTelemetryAsync(cancellationToken))
            .Where(v => ShopClaims.IsOwner(user) || v.Printer.MakerId == ShopClaims.MakerIdOf(user))
            .Select(PrinterResponse.From)
            .ToList());

    private static async Task<Results<Ok<List<JobResponse>>, ProblemHttpResult>> ListJobsAsync(
        ClaimsPrincipal user, PrinterStore printers, PrintJobStore jobs, string? status, int? limit, CancellationToken cancellationToken)
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

        var list = await jobs.ListAsync(filter, limit ?? 200, cancellationToken);
        if (!ShopClaims.IsOwner(user))
        {
            var maker = ShopClaims.MakerIdOf(user);
            var own = (await printers.ListWithTelemetryAsync(cancellationToken)).Where(v => v.Printer.MakerId == maker).Select(v => v.Printer.Id).ToHashSet(StringComparer.Ordinal);
            list = [.. list.Where(j => j.PrinterId is not null && own.Contains(j.PrinterId))];
        }

        return TypedResults.Ok(list.Select(JobResponse.From).ToList());
    }

    private static async Task<Ok<List<ProductResponse>>> ListProductsAsync(ProductStore products, CancellationToken cancellationToken) =>
        TypedResults.Ok((await products.ListAsync(cancellationToken)).Where(p => !p.Retired).Select(ProductResponse.From).ToList());
}
