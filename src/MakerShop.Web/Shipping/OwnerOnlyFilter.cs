using System.Security.Cryptography;
using System.Text;
using MakerShop.Core;
using MakerShop.Web.Payments;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Shipments, labels, rates and customs papers are the owner's: a signed-in owner (cookie) or the owner's tools
/// sending <c>X-Owner-Key</c> (MakerShop:Owner:ApiKey, no default). Everyone else gets a ProblemDetails 401.
/// </summary>
public sealed class OwnerOnlyFilter(IOptions<OwnerKeyOptions> owner) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (http.User.IsInRole(nameof(UserRole.Owner)) || KeyMatches(http.Request.Headers[OwnerKeyOptions.HeaderName].ToString(), owner.Value.ApiKey))
        {
            return await next(context);
        }

        return TypedResults.Problem(statusCode: 401, title: "Owner only.",
            detail: $"Sign in as the owner, or send the owner's key in {OwnerKeyOptions.HeaderName} (MakerShop:Owner:ApiKey).");
    }

    private static bool KeyMatches(string sent, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
