using System.Text.Json;
using MakerShop.Core;
using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.EasyPost;

/// <summary>Reads an EasyPost Tracker object, whether it came in a webhook Event's <c>result</c> or from GET /v2/trackers.</summary>
internal static class EasyPostTrackerReader
{
    public static TrackingNotice Read(JsonElement tracker, string eventId, DateTimeOffset fallbackObservedAt)
    {
        var status = tracker.Text("status") ?? "unknown";
        var observed = JsonRead.Instant(tracker.Text("updated_at")) ?? fallbackObservedAt;
        var checkpoints = new List<TrackingCheckpoint>();
        if (tracker.Child("tracking_details") is { ValueKind: JsonValueKind.Array } details)
        {
            foreach (var detail in details.EnumerateArray())
            {
                var at = detail.Text("datetime") ?? string.Empty;
                var location = detail.Child("tracking_location");
                var place = string.Join(", ", new[] { location.Text("city"), location.Text("state"), location.Text("country") }.Where(p => !string.IsNullOrWhiteSpace(p)));
                checkpoints.Add(new TrackingCheckpoint(at, JsonRead.Instant(at), detail.Text("status") ?? "unknown", detail.Text("message"), place.Length == 0 ? null : place));
            }
        }

        return new TrackingNotice(
            "easypost",
            eventId,
            tracker.Text("carrier"),
            tracker.Text("tracking_code") ?? string.Empty,
            tracker.Text("id"),
            new TrackingUpdate(EasyPostStatusMap.Map(status), status, tracker.Text("status_detail"), observed, checkpoints.LastOrDefault()?.Message),
            checkpoints);
    }
}
