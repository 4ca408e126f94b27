using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// Every route the running host answers, read from its own <see cref="EndpointDataSource"/>: minimal API endpoints with
/// their HTTP methods, and Razor Pages with one route per handler (GET for the page itself, <c>?handler=Name</c> for a
/// named one), as <see cref="RouteRule.Route"/> spells them.
/// </summary>
public static class AppRoutes
{
    public static async Task<IReadOnlyList<AppRoute>> ListAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var pages = services.GetRequiredService<PageLoader>();
        var routes = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching == true)
            {
                continue;
            }

            var pattern = Normalise(endpoint.RoutePattern.RawText ?? "");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                routes[$"GET {pattern}"] = true;
                foreach (var handler in compiled.HandlerMethods)
                {
                    routes[$"{handler.HttpMethod.ToUpperInvariant()} {pattern}{(handler.Name is null ? "" : "?handler=" + handler.Name)}"] = true;
                }

                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : ["ANY"])
            {
                routes.TryAdd($"{method.ToUpperInvariant()} {pattern}", false);
            }
        }

        return [.. routes.Select(r => new AppRoute(r.Key, r.Value))];
    }

    private static string Normalise(string raw)
    {
        var path = "/" + raw.TrimStart('/');
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }
}
