using System.Collections.Concurrent;
using System.Text.Json;
using MakerShop.Contracts.Mqtt;

namespace MakerShop.Web.Telemetry;

/// <summary>
/// The newest readings of every printer, in memory, and the live pages that follow them. Readings reach the pages from
/// here without a database round trip; the database gets them in batches (<see cref="TelemetryWriter"/>). On several
/// shop nodes each node's hub holds what its own broker subscription delivers, which is all a live page needs.
/// </summary>
public sealed class TelemetryHub
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly ConcurrentDictionary<string, LiveReading> _latest = new(StringComparer.Ordinal);
    private volatile TelemetrySubscription[] _subscriptions = [];
    private readonly Lock _gate = new();

    private long _changeVersion;

    /// <summary>Grows by one with every <see cref="PrinterChanged"/>, so cached printer lists know they are stale.</summary>
    public long ChangeVersion => Interlocked.Read(ref _changeVersion);

    public LiveReading? Latest(string printerId) => _latest.GetValueOrDefault(printerId);

    /// <summary>
    /// Takes a printer's readings unless newer ones are already here: a state snapshot applied late (after a burst of
    /// production writes) must not put older temperatures back on the pages. Readings are ordered by
    /// <paramref name="receivedAt"/>, the shop's clock: a printer whose clock runs ahead would otherwise stamp one
    /// reading in the future and freeze its live readings until that time. Returns false when it was older.
    /// </summary>
    public bool Publish(string printerId, IReadOnlyList<HeaterReading> heaters, string? jobId, double? progress, int? etaSeconds, DateTimeOffset receivedAt, DateTimeOffset? reportedAt = null)
    {
        var at = receivedAt;
        var json = JsonSerializer.Serialize(new LiveReadingMessage(printerId, heaters, jobId, progress, etaSeconds, at, reportedAt), Json);
        var reading = new LiveReading(printerId, heaters, jobId, progress, etaSeconds, at, reportedAt, json);
        while (true)
        {
            if (_latest.TryGetValue(printerId, out var current))
            {
                if (current.At > at)
                {
                    return false;
                }

                if (_latest.TryUpdate(printerId, reading, current))
                {
                    break;
                }
            }
            else if (_latest.TryAdd(printerId, reading))
            {
                break;
            }
        }

        foreach (var subscription in _subscriptions)
        {
            subscription.OnReading(printerId);
        }

        return true;
    }

    /// <summary>A printer's stored record changed (state, job, bed, service, registration): pages re-read that printer.</summary>
    public void PrinterChanged(string printerId)
    {
        Interlocked.Increment(ref _changeVersion);
        foreach (var subscription in _subscriptions)
        {
            subscription.OnPrinterChanged(printerId);
        }
    }

    public TelemetrySubscription Subscribe(Func<string, bool> wants)
    {
        var subscription = new TelemetrySubscription(this, wants);
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions, subscription];
        }

        return subscription;
    }

    internal void Unsubscribe(TelemetrySubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions = [.. _subscriptions.Where(s => !ReferenceEquals(s, subscription))];
        }
    }

    private sealed record LiveReadingMessage(
        string Id, IReadOnlyList<HeaterReading> Heaters, string? JobId, double? Progress, int? EtaSeconds, DateTimeOffset At, DateTimeOffset? ReportedAt);
}
