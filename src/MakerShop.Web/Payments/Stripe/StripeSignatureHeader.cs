using System.Globalization;
using System.Security.Cryptography;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Stripe-Signature: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=…]</c>, where v1 is HMAC-SHA256 with the endpoint's
/// signing secret over <c>"{t}.{raw body}"</c> (several v1 while a secret is being rolled). Read from the header alone,
/// so a request without one, or signed outside the replay window, is refused before its body is read.
/// </summary>
public sealed record StripeSignatureHeader(long Timestamp, IReadOnlyList<byte[]> Signatures)
{
    public static StripeSignatureHeader? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 4096)
        {
            return null;
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.StartsWith("t=", StringComparison.Ordinal)
                && long.TryParse(part.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (part.StartsWith("v1=", StringComparison.Ordinal) && part.Length == 3 + 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(part.AsSpan(3)));
                }
                catch (FormatException)
                {
                    // Not hex: it cannot match, and the others may.
                }
            }
        }

        return timestamp is { } value && signatures.Count > 0 ? new StripeSignatureHeader(value, signatures) : null;
    }

    /// <summary>The bytes signed before the body: "{t}.".</summary>
    public string Prefix => Timestamp.ToString(CultureInfo.InvariantCulture) + ".";

    public bool Matches(byte[] digest) => Signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, digest));
}
