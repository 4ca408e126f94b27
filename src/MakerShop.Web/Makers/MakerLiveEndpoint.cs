using System.Net.ServerSentEvents;
using System.Security.Claims;
using MakerShop.Web.Accounts;
using MakerShop.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Makers;

/// <summary>The maker grid's live stream (<see cref="LiveGridStream"/>) of the signed-in maker's printers.</summary>
public static class MakerLiveEndpoint
{
    public static IResult Get(
        ClaimsPrincipal user, MakerGridSnapshots snapshots, TelemetryHub hub, IOptions<TelemetryOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var makerId = ShopClaims.MakerIdOf(user);
        var events = makerId is null
            ? AsyncEnumerable.Empty<SseItem<string>>()
            : LiveGridStream.StreamAsync(ct => snapshots.GetAsync(makerId, ct), hub, TimeSpan.FromMilliseconds(options.Value.LiveBatchMilliseconds), time, cancellationToken);
        return TypedResults.ServerSentEvents(events);
    }
}
