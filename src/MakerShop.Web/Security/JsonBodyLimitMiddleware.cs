using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Security;

/// <summary>
/// JSON API requests take small bodies: the body limit is lowered to <see cref="SecurityOptions.JsonApiMaxBodyBytes"/>
/// before anything reads it, and a declared length above it is refused at once (413), so an oversized JSON document is
/// never buffered. An endpoint with its own limit (a file upload) keeps it; webhooks bound their own bodies.
/// </summary>
public sealed class JsonBodyLimitMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, IProblemDetailsService problems)
{
    private readonly long _limit = options.Value.JsonApiMaxBodyBytes;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || !request.HasJsonContentType()
            || context.GetEndpoint() is { } endpoint
                && (endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null || endpoint.Metadata.GetMetadata<BoundsOwnBodyMetadata>() is not null))
        {
            await next(context);
            return;
        }

        if (request.ContentLength > _limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"JSON requests are limited to {_limit:N0} bytes.",
                },
            });
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature
            && (feature.MaxRequestBodySize is null || feature.MaxRequestBodySize > _limit))
        {
            feature.MaxRequestBodySize = _limit;
        }

        await next(context);
    }
}
