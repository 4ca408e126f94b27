using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MakerShop.Web.RateLimiting;

/// <summary>
/// The answer to a refused request: 429 with Retry-After, as ProblemDetails on the API and as a short readable text on
/// pages, and a Debug line naming the client address (not the request body): a flood is refused thousands of times a
/// minute, and a Warning for each would let the flooder fill the log.
/// </summary>
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitRejection));
        logger.LogDebug("Refused {Method} {Path} from {RemoteIp}: too many requests, retry after {RetryAfterSeconds} s",
            http.Request.Method, http.Request.Path.Value, http.Connection.RemoteIpAddress, seconds);

        var signIn = http.Request.Path.StartsWithSegments(Accounts.AccountsSetup.SignInPath, StringComparison.OrdinalIgnoreCase);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests from this address.",
                detail: string.Create(CultureInfo.InvariantCulture, $"Wait {seconds} s and try again."))
                .ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        var text = signIn
            ? "Too many sign-in attempts from this address. Wait a few minutes and try again."
            : string.Create(CultureInfo.InvariantCulture, $"Too many requests from this address. Wait {seconds} seconds and try again.");
        await http.Response.WriteAsync(text, cancellationToken);
    }
}
