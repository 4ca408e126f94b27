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

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) => SignatureCheck.Verify(this, request, now);

    public SignatureCheck Begin(Func<string, string?> header, Func<string, string?> query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(hmacSecret) && string.IsNullOrEmpty(urlToken))
        {
            return SignatureCheck.Refuse("no Shippo webhook secret or token is configured");
        }

        if (!string.IsNullOrEmpty(urlToken) && !Signatures.TextEquals(urlToken, query("token")))
        {
            return SignatureCheck.Refuse("the URL token is missing or wrong");
        }

        if (string.IsNullOrEmpty(hmacSecret))
        {
            return SignatureCheck.Stream(StreamingSignature.NotSigned());
        }

        var presented = header(SignatureHeader);
        if (presented is null)
        {
            return SignatureCheck.Refuse($"no {SignatureHeader} header");
        }

        string? t = null, v1 = null;
        foreach (var part in presented.Split(',', StringSplitOptions.TrimEntries))
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
            return SignatureCheck.Refuse($"{SignatureHeader} has no timestamp");
        }

        // The timestamp is signed with the body, so a moved one fails the signature; one outside the window is refused
        // before the body is read at all.
        if ((now - signedAt).Duration() > tolerance)
        {
            return SignatureCheck.Refuse($"signed at {signedAt:O}, outside the {tolerance.TotalMinutes:0} minute window (replayed?)");
        }

        return SignatureCheck.Stream(StreamingSignature.HmacSha256(hmacSecret, t + ".", digest => Signatures.HexEquals(digest, v1)));
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
