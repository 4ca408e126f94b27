using System.Text.Json;
using MakerShop.Web.Telemetry;

namespace MakerShop.Web.Makers;

/// <summary>
/// The full printer list a maker's live grids start from, read and serialised once for all of that maker's open
/// pages: at most once a second while printers change, otherwise reused for up to 15 s. Fifty open grids of a
/// 2,000-printer farm then cost one database read a second, not fifty. The owner's fleet pages share one list of
/// every printer (<see cref="GetFleetAsync"/>) the same way.
/// </summary>
public sealed class MakerGridSnapshots(MakerScope scope, FleetView fleet, TelemetryHub hub, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan MinAge = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Task<MakerGridSnapshot> GetAsync(string makerId, CancellationToken cancellationToken) =>
        GetAsync("maker:" + makerId, async () => Serialise((await scope.PrintersOfAsync(makerId, CancellationToken.None)).Select(p => (p.Id, (object)p))), cancellationToken);

    /// <summary>Every printer as the owner's fleet cards show it.</summary>
    public Task<MakerGridSnapshot> GetFleetAsync(CancellationToken cancellationToken) =>
        GetAsync("fleet", async () => Serialise((await fleet.ListAsync(CancellationToken.None)).Select(p => (p.Id, (object)p))), cancellationToken);

    private Task<MakerGridSnapshot> GetAsync(string key, Func<Task<MakerGridSnapshot>> read, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var version = hub.ChangeVersion;
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry)
                && !entry.Task.IsFaulted && !entry.Task.IsCanceled
                && (now - entry.At < MinAge || (entry.Version == version && now - entry.At < MaxAge)))
            {
                return entry.Task.WaitAsync(cancellationToken);
            }

            // Read with no page's token: the snapshot is shared, one page leaving must not cancel it for the others.
            var task = read();
            _entries[key] = new Entry(version, now, task);
            return task.WaitAsync(cancellationToken);
        }
    }

    private static MakerGridSnapshot Serialise(IEnumerable<(string Id, object Item)> printers)
    {
        var each = printers.Select(p => (p.Id, Json: JsonSerializer.Serialize(p.Item, p.Item.GetType(), Json))).ToList();
        return new MakerGridSnapshot("[" + string.Join(',', each.Select(e => e.Json)) + "]", each.ToDictionary(e => e.Id, e => e.Json, StringComparer.Ordinal));
    }

    private sealed record Entry(long Version, DateTimeOffset At, Task<MakerGridSnapshot> Task);
}
