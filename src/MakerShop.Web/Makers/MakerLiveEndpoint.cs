using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using MakerShop.Web.Accounts;
using MakerShop.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Makers;

/// <summary>
/// The maker grid's live stream. It opens with the maker's printers (<c>printers</c>), sends that list again when a
/// printer's record changes (at most once a second) or every 15 s, and in between sends each batch of new readings
/// (<c>telemetry</c>: temperatures, progress, ETA of the printers that reported) straight from memory.
/// </summary>
public static class MakerLiveEndpoint
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MinSnapshotInterval = TimeSpan.FromSeconds(1);

    public static IResult Get(
        ClaimsPrincipal user, MakerGridSnapshots snapshots, TelemetryHub hub, IOptions<TelemetryOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(StreamAsync(ShopClaims.MakerIdOf(user), snapshots, hub, TimeSpan.FromMilliseconds(options.Value.LiveBatchMilliseconds), time, cancellationToken));

    private static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        string? makerId, MakerGridSnapshots snapshots, TelemetryHub hub, TimeSpan batch, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (makerId is null)
        {
            yield break;
        }

        using var subscription = hub.Subscribe(_ => false);
        string? last = null;
        var lastSent = DateTimeOffset.MinValue;
        var lastRead = DateTimeOffset.MinValue;
        var changed = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if ((changed && now - lastRead >= MinSnapshotInterval) || now - lastRead >= Heartbeat)
            {
                var snapshot = await snapshots.GetAsync(makerId, cancellationToken);
                subscription.Wants = snapshot.PrinterIds.Contains;
                (changed, lastRead) = (false, now);
                var payload = snapshot.Json;
                if (payload != last || now - lastSent >= Heartbeat)
                {
                    (last, lastSent) = (payload, now);
                    yield return new SseItem<string>(payload, "printers");
                }
            }

            var wait = changed ? MinSnapshotInterval - (time.GetUtcNow() - lastRead) : Heartbeat - (time.GetUtcNow() - lastRead);
            if (!await WaitAsync(subscription, wait, batch, time, cancellationToken))
            {
                yield break;
            }

            var (readings, printersChanged) = subscription.Take();
            changed |= printersChanged;
            var fresh = readings.Select(hub.Latest).OfType<LiveReading>().Select(r => r.Json).ToList();
            if (fresh.Count > 0)
            {
                yield return new SseItem<string>("[" + string.Join(',', fresh) + "]", "telemetry");
            }
        }
    }

    /// <summary>Waits for a change (then gathers for one batch interval) or until <paramref name="timeout"/>; false when the page left.</summary>
    private static async Task<bool> WaitAsync(TelemetrySubscription subscription, TimeSpan timeout, TimeSpan batch, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            if (timeout > TimeSpan.Zero)
            {
                using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var signalled = subscription.WaitAsync(timeoutSource.Token);
                var delay = Task.Delay(timeout, time, timeoutSource.Token);
                var first = await Task.WhenAny(signalled, delay);
                await timeoutSource.CancelAsync();
                if (first == signalled)
                {
                    await Task.Delay(batch, time, cancellationToken);
                }
            }

            return !cancellationToken.IsCancellationRequested;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
