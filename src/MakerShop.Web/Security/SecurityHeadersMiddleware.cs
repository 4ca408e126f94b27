using Microsoft.Extensions.Options;

namespace MakerShop.Web.Security;

/// <summary>
/// The usual browser protections on every response (pages, API, static files, errors): no framing by another site
/// (CSP frame-ancestors and the older X-Frame-Options), no MIME sniffing, no referrer leaving the shop, no camera,
/// microphone or location. Set when the response starts, so an error page rewritten by the exception handler has them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly string _policy = options.Value.ContentSecurityPolicy;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            var (response, policy) = ((HttpResponse, string))state;
            var headers = response.Headers;
            headers.ContentSecurityPolicy = policy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            return Task.CompletedTask;
        }, (context.Response, _policy));
        return next(context);
    }
}
