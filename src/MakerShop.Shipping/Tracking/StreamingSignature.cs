using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Shipping.Tracking;

/// <summary>
/// A webhook signature computed while the body arrives (HMAC-SHA256 through <see cref="IncrementalHash"/>), so the body
/// is authenticated in the same pass that copies it, never after buffering it whole. A provider whose scheme signs a
/// prefix (Shippo's "{t}.") feeds it first; a scheme with no body signature (a URL token) always matches.
/// </summary>
public sealed class StreamingSignature : IDisposable
{
    private readonly IncrementalHash? _hmac;
    private readonly Func<byte[], bool> _matches;

    private StreamingSignature(IncrementalHash? hmac, Func<byte[], bool> matches)
    {
        _hmac = hmac;
        _matches = matches;
    }

    /// <summary>Nothing in the body is signed (the request was authenticated by its URL token).</summary>
    public static StreamingSignature NotSigned() => new(null, _ => true);

    /// <summary>HMAC-SHA256 keyed with the secret's UTF-8 bytes, over <paramref name="prefix"/> then the body; the
    /// digest is handed to <paramref name="matches"/>, which compares it in constant time.</summary>
    public static StreamingSignature HmacSha256(string secret, string prefix, Func<byte[], bool> matches)
    {
        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        return new StreamingSignature(hmac, matches);
    }

    public void Append(ReadOnlySpan<byte> chunk) => _hmac?.AppendData(chunk);

    public WebhookVerification Finish() =>
        _hmac is null || _matches(_hmac.GetHashAndReset())
            ? WebhookVerification.Authentic
            : WebhookVerification.Rejected("signature does not match the body");

    public void Dispose() => _hmac?.Dispose();
}
