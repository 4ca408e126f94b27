using System.Globalization;
using System.Text;
using System.Text.Json;
using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.Shippo;

/// <summary>
/// Shippo webhooks. Shippo offers a secret <c>?token=</c> in the webhook URL and, when enabled for the account, an
/// HMAC header <c>Shippo-Auth-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;</c> over <c>"{t}.{raw body}"</c>. Every scheme
/// configured here is required; the signed timestamp must be within the tolerance, so a captured request cannot be
/// replayed later.
/// </summary>
public sealed class ShippoWebhook(string? hmacSecret, string? urlToken, TimeSpan tolerance) : ITrackingWebhookProvider
{
    public const string SignatureHeader = "Shippo-Auth-Signature";

    public string Name => "shippo";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var t = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var message = Encoding.UTF8.GetBytes(t + ".").Concat(body.ToArray()).ToArray();
        return $"t={t},v1={Convert.ToHexStringLower(Signatures.HmacSha256(secret, message))}";
    }

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(hmacSecret) && string.IsNullOrEmpty(urlToken))
        {
            return WebhookVerification.Rejected("no Shippo webhook secret or token is configured");
        }

        if (!string.IsNullOrEmpty(urlToken) && !Signatures.TextEquals(urlToken, request.Query("token")))
        {
            return WebhookVerification.Rejected("the URL token is missing or wrong");
        }

        if (string.IsNullOrEmpty(hmacSecret))
        {
            return WebhookVerification.Authentic;
        }

        var header = request.Header(SignatureHeader);
        if (header is null)
        {
            return WebhookVerification.Rejected($"no {SignatureHeader} header");
        }

        string? t = null, v1 = null;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal))
            {
                t = part[2..];
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal))
            {
                v1 = part[3..];
            }
        }

        if (JsonRead.FromUnixSeconds(t) is not { } signedAt)
        {
            return WebhookVerification.Rejected($"{SignatureHeader} has no timestamp");
        }

        var message = Encoding.UTF8.GetBytes(t + ".").Concat(request.Body.ToArray()).ToArray();
        if (!Signatures.HexEquals(Signatures.HmacSha256(hmacSecret, message), v1))
        {
            return WebhookVerification.Rejected("signature does not match the body");
        }

        return (now - signedAt).Duration() > tolerance
            ? WebhookVerification.Rejected($"signed at {signedAt:O}, outside the {tolerance.TotalMinutes:0} minute window (replayed?)")
            : WebhookVerification.Authentic;
    }

    public TrackingNotice? Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.Text("event") != "track_updated" || root.Child("data") is not { } track)
        {
            return null;
        }

        return ShippoTrackReader.Read(track, DateTimeOffset.UnixEpoch);
    }
}
