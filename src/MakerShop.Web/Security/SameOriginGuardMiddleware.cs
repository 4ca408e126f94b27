using MakerShop.Web.Options;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Security;

/// <summary>
/// A request that changes something through the API with the session cookie must come from the shop's own pages: its
/// Origin (or, when a browser sends none, its Referer) must be the shop's origin, the one the request reached or the
/// configured public base URL. SameSite=Strict already keeps the cookie off cross-site requests; this holds even where
/// a browser or a sibling subdomain gets around it. Callers with the owner key send no cookie and are not affected.
/// </summary>
public sealed partial class SameOriginGuardMiddleware(
    RequestDelegate next,
    IOptionsMonitor<CookieAuthenticationOptions> cookies,
    IOptions<ShopOptions> shop,
    IProblemDetailsService problems,
    ILogger<SameOriginGuardMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // A request carrying the owner-key header is not a forged browser request: a browser sends a custom header to
        // another origin only after a CORS preflight, which the shop never grants.
        if (IsSafe(request.Method) || !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !HasSessionCookie(request)
            || request.Headers.ContainsKey(Payments.OwnerKeyOptions.HeaderName))
        {
            await next(context);
            return;
        }

        var claimed = request.Headers.Origin.ToString();
        var source = "Origin";
        if (string.IsNullOrEmpty(claimed))
        {
            claimed = request.Headers.Referer.ToString();
            source = "Referer";
        }

        if (IsOwnOrigin(claimed, request))
        {
            await next(context);
            return;
        }

        LogRefused(logger, request.Method, request.Path.Value, source, claimed.Length > 200 ? claimed[..200] : claimed, context.Connection.RemoteIpAddress?.ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "The request did not come from the shop's own pages.",
                Detail = "A change made with a signed-in session must come from this shop's pages (its Origin header must be the shop's address).",
            },
        });
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private bool HasSessionCookie(HttpRequest request)
    {
        var name = cookies.Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie.Name;
        return name is not null && request.Cookies.ContainsKey(name);
    }

    private bool IsOwnOrigin(string claimed, HttpRequest request)
    {
        // "null" (a sandboxed frame, a file) and anything that is not an absolute http(s) address never match.
        if (!Uri.TryCreate(claimed, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
        {
            return false;
        }

        if (SameOrigin(origin, request.Scheme, request.Host.Host, request.Host.Port))
        {
            return true;
        }

        return shop.Value.PublicBaseUrl is { } configured && SameOrigin(origin, configured.Scheme, configured.Host, configured.Port);
    }

    private static bool SameOrigin(Uri origin, string scheme, string host, int? port)
    {
        var expectedPort = port ?? (scheme == "https" ? 443 : 80);
        return string.Equals(origin.Scheme, scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(origin.Host, host, StringComparison.OrdinalIgnoreCase)
            && origin.Port == expectedPort;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a cookie-authenticated {Method} {Path}: {Source} '{Claimed}' is not the shop's origin (from {RemoteAddress})")]
    private static partial void LogRefused(ILogger logger, string method, string? path, string source, string claimed, string? remoteAddress);
}
