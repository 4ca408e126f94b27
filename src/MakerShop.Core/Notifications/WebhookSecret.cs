using System.Security.Cryptography;

namespace MakerShop.Core;

/// <summary>An endpoint's signing secret: 32 random bytes, shown to the owner once when the endpoint is made.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What a page may show afterwards: the prefix and the last four characters.</summary>
    public static string Masked(string secret) => secret.Length < 12 ? "…" : Prefix + "…" + secret[^4..];
}
