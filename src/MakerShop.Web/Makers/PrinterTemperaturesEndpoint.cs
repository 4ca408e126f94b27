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

        var now = time.GetUtcNow();
        var samples = await telemetry.ListSinceAsync(id, now - Window, cancellationToken);
        return TypedResults.Ok(new TemperatureHistoryResponse(
            id, now - Window, now,
            [.. samples.Select(s => new TemperaturePoint(s.At, s.NozzleActual, s.NozzleTarget, s.BedActual, s.BedTarget))]));
    }
}
