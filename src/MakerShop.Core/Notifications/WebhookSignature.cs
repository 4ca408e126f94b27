using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakerShop.Core;

/// <summary>
/// Stripe's signing scheme: <c>MakerShop-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC keyed with
/// the endpoint's secret (its UTF-8 bytes, "whsec_" prefix included) over "&lt;t&gt;.&lt;raw body&gt;". The timestamp inside the
/// signed text lets a receiver refuse a replayed old delivery; several v1 values may appear while a secret is rotated.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "MakerShop-Signature";

    /// <summary>A receiver should refuse signatures older than this (the default of Stripe's libraries).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Header(string secret, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds();
        return string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Compute(secret, timestamp, body)}");
    }

    /// <summary>Lower-case hex HMAC-SHA256 of "t.body".</summary>
    public static string Compute(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>What a receiver does: parse the header, recompute, compare in constant time, and check the timestamp's age.</summary>
    public static bool Verify(string? header, string secret, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        long? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var (key, value) = (part[..eq], part[(eq + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (key == "v1")
            {
                candidates.Add(value);
            }
        }

        if (timestamp is not { } ts || candidates.Count == 0 || (now - DateTimeOffset.FromUnixTimeSeconds(ts)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(secret, ts, body));
        return candidates.Any(c => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(c)));
    }
}
