using System.Security.Claims;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MakerShop.Web.Makers;

/// <summary>The last hour of one printer's temperatures, for the chart on its page; another maker's printer is a 404.</summary>
public static class PrinterTemperaturesEndpoint
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static async Task<Results<Ok<TemperatureHistoryResponse>, NotFound>> GetAsync(
        string id, ClaimsPrincipal user, MakerScope scope, PrinterTelemetryStore telemetry, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await scope.PrinterAsync(user, id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await HistoryAsync(id, telemetry, time, cancellationToken));
    }

    /// <summary>The owner's chart: any printer of the fleet.</summary>
    public static async Task<Results<Ok<TemperatureHistoryResponse>, NotFound>> GetForOwnerAsync(
        string id, MakerScope scope, PrinterTelemetryStore telemetry, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!(await scope.AllPrintersAsync(cancellationToken)).Any(p => p.Id == id))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await HistoryAsync(id, telemetry, time, cancellationToken));
    }

    private static async Task<TemperatureHistoryResponse> HistoryAsync(string id, PrinterTelemetryStore telemetry, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var samples = await telemetry.ListSinceAsync(id, now - Window, cancellationToken);
        return new TemperatureHistoryResponse(
            id, now - Window, now,
            [.. samples.Select(s => new TemperaturePoint(s.At, s.NozzleActual, s.NozzleTarget, s.BedActual, s.BedTarget))]);
    }
}
