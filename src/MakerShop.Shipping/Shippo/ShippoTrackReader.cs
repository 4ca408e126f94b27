using System.Text.Json;
using MakerShop.Core;
using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.Shippo;

/// <summary>Reads a Shippo Track (webhook <c>data</c> or GET /tracks/{carrier}/{number}).</summary>
internal static class ShippoTrackReader
{
    public static TrackingNotice Read(JsonElement track, DateTimeOffset fallbackObservedAt)
    {
        var current = track.Child("tracking_status");
        var status = current.Text("status") ?? "UNKNOWN";
        var substatus = current is { } c ? c.Child("substatus").Text("code") : null;
        var statusDate = current.Text("status_date");
        var carrier = track.Text("carrier");
        var number = track.Text("tracking_number") ?? string.Empty;
        var checkpoints = new List<TrackingCheckpoint>();
        if (track.Child("tracking_history") is { ValueKind: JsonValueKind.Array } history)
        {
            foreach (var entry in history.EnumerateArray())
            {
                var at = entry.Text("status_date") ?? string.Empty;
                var location = entry.Child("location");
                var place = string.Join(", ", new[] { location.Text("city"), location.Text("state"), location.Text("country") }.Where(p => !string.IsNullOrWhiteSpace(p)));
                checkpoints.Add(new TrackingCheckpoint(at, JsonRead.Instant(at), entry.Text("status") ?? "UNKNOWN", entry.Text("status_details"), place.Length == 0 ? null : place));
            }
        }

        // Shippo events carry no id, so the fingerprint of what they say stands in for one (fulfilment.md §1.6).
        var fingerprint = string.Join('|', carrier, number, status, statusDate, substatus);
        return new TrackingNotice(
            "shippo",
            fingerprint,
            carrier,
            number,
            null,
            new TrackingUpdate(ShippoStatusMap.Map(status, substatus), status, substatus, JsonRead.Instant(statusDate) ?? fallbackObservedAt, current.Text("status_details")),
            checkpoints);
    }
}
