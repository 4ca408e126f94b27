using System.Text.Json;
using MakerShop.Core;
using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.AfterShip;

/// <summary>
/// AfterShip Tracking webhooks: header <c>aftership-hmac-sha256</c> = base64(HMAC-SHA256(secret, raw body)). The
/// envelope's <c>event_id</c> is the idempotency key and <c>msg.tag</c> the tracker's current status.
/// </summary>
public sealed class AfterShipWebhook(string secret) : ITrackingWebhookProvider
{
    public const string SignatureHeader = "aftership-hmac-sha256";

    public string Name => "aftership";

    public static string Sign(string secret, ReadOnlySpan<byte> body) => Convert.ToBase64String(Signatures.HmacSha256(secret, body));

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) => SignatureCheck.Verify(this, request, now);

    public SignatureCheck Begin(Func<string, string?> header, Func<string, string?> query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var presented = header(SignatureHeader);
        return presented is null
            ? SignatureCheck.Refuse($"no {SignatureHeader} header")
            : SignatureCheck.Stream(StreamingSignature.HmacSha256(secret, "", digest => Signatures.Base64Equals(digest, presented)));
    }

    public TrackingNotice? Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.Text("event") != "tracking_update" || root.Child("msg") is not { } msg)
        {
            return null;
        }

        var tag = msg.Text("tag") ?? "Pending";
        var observed = JsonRead.Instant(msg.Text("updated_at")) ?? JsonRead.FromUnixSeconds(root.Text("ts")) ?? DateTimeOffset.UnixEpoch;
        var checkpoints = new List<TrackingCheckpoint>();
        if (msg.Child("checkpoints") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var point in list.EnumerateArray())
            {
                var at = point.Text("checkpoint_time") ?? string.Empty;
                var place = string.Join(", ", new[] { point.Text("city"), point.Text("state"), point.Text("country_iso3") ?? point.Text("country_region") }.Where(p => !string.IsNullOrWhiteSpace(p)));
                checkpoints.Add(new TrackingCheckpoint(at, JsonRead.Instant(at), point.Text("tag") ?? "Pending", point.Text("message"), place.Length == 0 ? null : place));
            }
        }

        return new TrackingNotice(
            "aftership",
            root.Text("event_id") ?? throw new JsonException("An AfterShip webhook has no event_id."),
            msg.Text("slug"),
            msg.Text("tracking_number") ?? string.Empty,
            msg.Text("id"),
            new TrackingUpdate(AfterShipStatusMap.Map(tag), tag, msg.Text("subtag"), observed, msg.Text("subtag_message")),
            checkpoints);
    }
}
