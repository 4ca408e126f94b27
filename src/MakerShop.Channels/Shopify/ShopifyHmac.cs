using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// Shopify's webhook signature: X-Shopify-Hmac-SHA256 is the base64 HMAC-SHA256 of the raw body keyed with the app's
/// secret. Compared on the decoded bytes in constant time.
/// </summary>
public static class ShopifyHmac
{
    public const string Header = "X-Shopify-Hmac-SHA256";

    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>True when <paramref name="header"/> is the signature of the body under one of the secrets.</summary>
    public static bool IsAuthentic(ReadOnlySpan<byte> body, string? header, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[64];
        if (!Convert.TryFromBase64String(header.Trim(), claimed, out var length) || length != 32)
        {
            return false;
        }

        var authentic = false;
        foreach (var secret in secrets)
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            authentic |= CryptographicOperations.FixedTimeEquals(expected, claimed[..length]);
        }

        return authentic;
    }
}
