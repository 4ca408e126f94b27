using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;

namespace MakerShop.Web.Makers;

/// <summary>The maker grid's live stream: the maker's own printers, sent whenever anything about them changes.</summary>
public static class MakerLiveEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Get(ClaimsPrincipal user, MakerScope scope, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(StreamAsync(user, scope, time, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(ClaimsPrincipal user, MakerScope scope, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? last = null;
        var lastSent = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        do
        {
            var payload = JsonSerializer.Serialize(await scope.PrintersAsync(user, cancellationToken), Json);
            var now = time.GetUtcNow();
            if (payload != last || now - lastSent >= TimeSpan.FromSeconds(15))
            {
                (last, lastSent) = (payload, now);
                yield return new SseItem<string>(payload, "printers");
            }
        }
        while (await TickAsync(timer, cancellationToken));
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
