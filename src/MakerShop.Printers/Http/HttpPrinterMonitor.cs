using System.Collections.Concurrent;
using MakerShop.Printers.Reports;

namespace MakerShop.Printers.Http;

/// <summary>
/// Remembers each HTTP printer's last observation and when it last answered. A printer that stops answering is
/// reported Offline once its silence reaches the configured limit (not at the first missed poll), and its next
/// answer brings it back; its job stays with it meanwhile.
/// </summary>
public sealed class HttpPrinterMonitor(TimeProvider timeProvider, TimeSpan offlineAfter)
{
    private readonly ConcurrentDictionary<string, Track> _tracks = new(StringComparer.Ordinal);

    public TimeSpan OfflineAfter => offlineAfter;

    /// <summary>Call under the printer's lock; returns the reports this observation calls for, in the order to apply them.</summary>
    public IReadOnlyList<PrinterReport> Record(HttpPrinterEndpoint endpoint, HttpPrinterObservation observation)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(observation);
        var now = timeProvider.GetUtcNow();
        var track = _tracks.GetOrAdd(endpoint.PrinterId, _ => new Track { LastAnswerAt = now });
        if (observation.Link == ObservedLink.Unreachable)
        {
            if (track.OfflineReported || now - track.LastAnswerAt < offlineAfter)
            {
                return [];
            }

            track.OfflineReported = true;
            return HttpPrinterReportTranslator.Translate(endpoint, observation, track.Last, now);
        }

        track.LastAnswerAt = now;
        track.OfflineReported = false;
        var reports = HttpPrinterReportTranslator.Translate(endpoint, observation, track.Last, now);
        track.Last = observation;
        return reports;
    }

    private sealed class Track
    {
        public DateTimeOffset LastAnswerAt { get; set; }

        public HttpPrinterObservation? Last { get; set; }

        public bool OfflineReported { get; set; }
    }
}
