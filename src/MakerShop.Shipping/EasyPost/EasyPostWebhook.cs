using System.Text;
using System.Text.Json;
using MakerShop.Shipping.Tracking;

namespace MakerShop.Shipping.EasyPost;

/// <summary>
/// EasyPost webhooks: header <c>X-Hmac-Signature: hmac-sha256-hex=&lt;hex&gt;</c>, HMAC-SHA256 of the raw body keyed
/// with the NFKD-normalised webhook secret (EasyPost's published test vector only matches with NFKD). The body is an
/// Event whose <c>result</c> is the Tracker with its current status.
/// </summary>
public sealed class EasyPostWebhook(string secret) : ITrackingWebhookProvider
{
    public const string SignatureHeader = "X-Hmac-Signature";
    private const string Prefix = "hmac-sha256-hex=";

    private readonly string _key = secret.Normalize(NormalizationForm.FormKD);

    public string Name => "easypost";

    /// <summary>The header value EasyPost sends for this body: used by the fakes and tests to sign like EasyPost.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Signatures.HmacSha256(secret.Normalize(NormalizationForm.FormKD), body));

    public WebhookVerification Verify(WebhookRequest request, DateTimeOffset now) => SignatureCheck.Verify(this, request, now);

    public SignatureCheck Begin(Func<string, string?> header, Func<string, string?> query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(header);
        var presented = header(SignatureHeader);
        if (presented is null)
        {
            return SignatureCheck.Refuse($"no {SignatureHeader} header");
        }

        if (!presented.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Refuse($"{SignatureHeader} is not hmac-sha256-hex");
        }

        var hex = presented[Prefix.Length..];
        return SignatureCheck.Stream(StreamingSignature.HmacSha256(_key, "", digest => Signatures.HexEquals(digest, hex)));
    }

    public TrackingNotice? Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var description = root.Text("description") ?? string.Empty;
        if (!description.StartsWith("tracker.", StringComparison.Ordinal) || root.Child("result") is not { } tracker)
        {
            return null;
        }

        var fallback = JsonRead.Instant(root.Text("updated_at")) ?? JsonRead.Instant(root.Text("created_at")) ?? DateTimeOffset.UnixEpoch;
        return EasyPostTrackerReader.Read(tracker, root.Text("id") ?? throw new JsonException("An EasyPost Event has no id."), fallback);
    }
}
