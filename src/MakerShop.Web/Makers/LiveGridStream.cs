using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using MakerShop.Web.Telemetry;

namespace MakerShop.Web.Makers;

/// <summary>
/// A live printer grid over Server-Sent Events, whoever's printers it shows. It opens with the whole list
/// (<c>printers</c>) and sends it again every 15 s or when the set of printers changes; a change to some printers'
/// records (state, job, bed, service) sends just those (<c>printer</c>, at most once a second); in between, each batch
/// of new readings (<c>telemetry</c>: temperatures, progress, ETA of the printers that reported) comes straight from
/// memory. The maker grid reads one maker's printers, the owner's fleet page all of them.
/// </summary>
public static class LiveGridStream
{
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MinSnapshotInterval = TimeSpan.FromSeconds(1);

    public static async IAsyncEnumerable<SseItem<string>> StreamAsync(
        Func<CancellationToken, Task<MakerGridSnapshot>> read, TelemetryHub hub, TimeSpan batch, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(hub);
        using var subscription = hub.Subscribe(_ => false);
        IReadOnlyDictionary<string, string>? shown = null;
        var lastFull = DateTimeOffset.MinValue;
        var lastRead = DateTimeOffset.MinValue;
        var pending = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (shown is null || now - lastFull >= Heartbeat || (pending.Count > 0 && now - lastRead >= MinSnapshotInterval))
            {
                var snapshot = await read(cancellationToken);
                var current = snapshot.PrinterJson;
                subscription.Wants = current.ContainsKey;
                lastRead = now;
                if (shown is null || now - lastFull >= Heartbeat || current.Count != shown.Count || current.Keys.Any(id => !shown.ContainsKey(id)))
                {
                    lastFull = now;
                    yield return new SseItem<string>(snapshot.Json, "printers");
                }
                else
                {
                    // Only the printers whose record changed, so a fleet reconnecting at once does not resend the whole list each second.
                    var updated = pending.Where(id => current.TryGetValue(id, out var json) && json != shown[id]).Select(id => current[id]).ToList();
                    if (updated.Count > 0)
                    {
                        yield return new SseItem<string>("[" + string.Join(',', updated) + "]", "printer");
                    }
                }

                shown = current;
                pending.Clear();
            }

            var wait = pending.Count > 0 ? MinSnapshotInterval - (time.GetUtcNow() - lastRead) : Heartbeat - (time.GetUtcNow() - lastFull);
            if (!await WaitAsync(subscription, wait, batch, time, cancellationToken))
            {
                yield break;
            }

            var (readings, changed) = subscription.Take();
            pending.UnionWith(changed);
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
