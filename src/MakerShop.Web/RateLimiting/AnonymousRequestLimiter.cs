using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using MakerShop.Web.Payments;

namespace MakerShop.Web.RateLimiting;

/// <summary>
/// Sorts each request into what it is limited by: placing an order (few per address), any other anonymous API call or
/// page form post (many per address), or nothing (signed-in people, the owner key, printers fetching their G-code with
/// device credentials, and signed provider webhooks, which are authenticated by their own secret). Partitions are by
/// client address; a fixed window gives the caller an exact Retry-After.
/// </summary>
public static class AnonymousRequestLimiter
{
    private const string NoLimit = "none";

    public static PartitionedRateLimiter<HttpContext> Create(RequestRateOptions options, string? ownerKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ownerKeyHash = string.IsNullOrEmpty(ownerKey) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(ownerKey));
        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var kind = Classify(context, ownerKeyHash);
            if (kind == NoLimit)
            {
                return RateLimitPartition.GetNoLimiter(NoLimit);
            }

            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            var orders = kind == "orders";
            return RateLimitPartition.GetFixedWindowLimiter(kind + ":" + client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = orders ? options.OrdersPerWindow : options.RequestsPerWindow,
                Window = TimeSpan.FromSeconds(orders ? options.OrderWindowSeconds : options.RequestWindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
    }

    private static string Classify(HttpContext context, byte[]? ownerKeyHash)
    {
        if (context.User.Identity?.IsAuthenticated == true || HasOwnerKey(context, ownerKeyHash))
        {
            return NoLimit;
        }

        var path = context.Request.Path;
        var post = HttpMethods.IsPost(context.Request.Method);
        if (post && (path.Equals("/api/orders", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/orders/", StringComparison.OrdinalIgnoreCase)
                     || path.Equals("/checkout", StringComparison.OrdinalIgnoreCase)))
        {
            return "orders";
        }

        if (path.StartsWithSegments("/api/devices", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/api/payments/stripe/webhook", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/webhooks", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(Accounts.AccountsSetup.SignInPath, StringComparison.OrdinalIgnoreCase))
        {
            return NoLimit;
        }

        var unsafeMethod = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || unsafeMethod ? "anonymous" : NoLimit;
    }

    // Only a correct key is exempt: a wrong one is limited like any anonymous caller (and refused by authentication).
    private static bool HasOwnerKey(HttpContext context, byte[]? ownerKeyHash) =>
        ownerKeyHash is not null
        && context.Request.Headers.TryGetValue(OwnerKeyOptions.HeaderName, out var sent)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent.ToString())), ownerKeyHash);
}
