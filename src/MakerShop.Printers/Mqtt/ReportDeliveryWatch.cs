using System.Collections.Concurrent;

namespace MakerShop.Printers.Mqtt;

/// <summary>
/// Notices when the broker has stopped handing the shop a printer's QoS 1 reports (states, events, acks) while its
/// QoS 0 telemetry still arrives: the telemetry names another job than the printer's last state for longer than the
/// tolerance. Mosquitto 2.0.11 does this after it restores a session from its autosave (the soak of issue 19): the
/// connection stays up, pings are answered, and QoS 1 messages for the shop sit in the broker's queue until it fills
/// and drops them. Nothing on a healthy connection would ever make the shop look at the retained state again.
/// </summary>
public sealed class ReportDeliveryWatch(TimeSpan tolerance)
{
    private readonly ConcurrentDictionary<string, Seen> _printers = new(StringComparer.Ordinal);

    public TimeSpan Tolerance { get; } = tolerance;

    /// <summary>A state snapshot from the printer reached the shop.</summary>
    public void StateReceived(string printerId, string? jobId, DateTimeOffset at) =>
        _printers.AddOrUpdate(printerId, _ => new Seen(true, jobId, null, false, null), (_, seen) => Compare(seen with { HasState = true, StateJobId = jobId }, at));

    /// <summary>A telemetry reading from the printer reached the shop.</summary>
    public void TelemetryReceived(string printerId, string? jobId, DateTimeOffset at) =>
        _printers.AddOrUpdate(printerId, _ => new Seen(false, null, jobId, true, null), (_, seen) => Compare(seen with { HasTelemetry = true, TelemetryJobId = jobId }, at));

    /// <summary>
    /// A printer whose telemetry has disagreed with its last state for longer than <see cref="Tolerance"/>, or null.
    /// Only meaningful while the shop has nothing of its own left to apply (a backlog in the shop is not the broker's).
    /// </summary>
    public StalledPrinter? FindStalled(DateTimeOffset now)
    {
        foreach (var (printerId, seen) in _printers)
        {
            if (seen.DisagreeingSince is { } since && now - since > Tolerance)
            {
                return new StalledPrinter(printerId, seen.StateJobId, seen.TelemetryJobId, now - since);
            }
        }

        return null;
    }

    /// <summary>After a reconnect: the broker re-sends, the retained states come again, every printer gets a fresh tolerance.</summary>
    public void Reset() => _printers.Clear();

    private static Seen Compare(Seen seen, DateTimeOffset at)
    {
        var disagree = seen.HasState && seen.HasTelemetry && !string.Equals(seen.StateJobId, seen.TelemetryJobId, StringComparison.Ordinal);
        return seen with { DisagreeingSince = disagree ? seen.DisagreeingSince ?? at : null };
    }

    private sealed record Seen(bool HasState, string? StateJobId, string? TelemetryJobId, bool HasTelemetry, DateTimeOffset? DisagreeingSince);
}
