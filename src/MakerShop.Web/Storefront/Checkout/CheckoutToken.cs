using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// One secret per checkout form. It is issued protected (so a client cannot choose its own), and from it come both the
/// order's idempotency key and its private link: a double-clicked or re-sent "pay" finds the order the first click made,
/// and can show its confirmation page, without the link token ever being stored.
/// </summary>
public sealed class CheckoutToken(IDataProtectionProvider protection)
{
    /// <summary>How long a checkout form stays valid: a tab left open for days is asked to review, not replayed.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("MakerShop.Checkout.Token.v2").ToTimeLimitedDataProtector();

    public string Issue() => protector.Protect(Base64Url(RandomNumberGenerator.GetBytes(32)), Lifetime);

    /// <summary>The secret inside a form's token, or null when the token was not issued by this shop.</summary>
    public string? Open(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 500)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string IdempotencyKey(string secret) => "checkout:" + Derive(secret, "idempotency");

    public static string OrderLinkToken(string secret) => Derive(secret, "order-link");

    private static string Derive(string secret, string purpose) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(purpose)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
