using System.Net;

namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// Which callers each kind of route lets in, and how an answer is read. Refused: 401, 403, 404, or a redirect to the
/// sign-in or access-denied page (and, for a webhook, any 4xx: Stripe answers an unsigned event with 400). Allowed:
/// anything else that is not a 5xx or a 429 — a 2xx, another redirect, or 400/409/415/422 as the route's own answer
/// to the deliberately empty or malformed request. The routes are filled with resources that exist, so an allowed
/// caller never meets a business 404.
/// </summary>
public static class AccessRules
{
    /// <summary>Routes whose refusal comes from an authorization policy, before their handler runs.</summary>
    public static bool RefusesByPolicy(Access access) => access is Access.Public or Access.Maker or Access.Staff or Access.Owner or Access.SignedIn;

    public static bool IsAllowed(Access access, Principal principal) => access switch
    {
        Access.Public => true,
        Access.OrderKey => principal is Principal.Customer,
        Access.Maker => principal is Principal.MakerOnOwn or Principal.MakerOnOther,
        Access.MakerOwn => principal is Principal.MakerOnOwn,
        Access.Staff => principal is Principal.MakerOnOwn or Principal.MakerOnOther or Principal.Owner or Principal.OwnerKey,
        Access.Owner => principal is Principal.Owner or Principal.OwnerKey,
        Access.Device => principal is Principal.PrinterOnOwn,
        Access.Webhook => false,
        Access.SignedIn => principal is Principal.MakerOnOwn or Principal.MakerOnOther or Principal.Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(access), access, null),
    };

    public static Verdict Read(RouteRule rule, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(response);
        var access = rule.Access;
        var status = (int)response.StatusCode;
        if (status == rule.OwnAnswer)
        {
            return Verdict.Allowed;
        }

        if (status >= 500)
        {
            return Verdict.ServerError;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return Verdict.Throttled;
        }

        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || (access == Access.Webhook && status is >= 400 and < 500))
        {
            return Verdict.Refused;
        }

        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var path = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            if (path.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/account/denied", StringComparison.OrdinalIgnoreCase))
            {
                return Verdict.Refused;
            }
        }

        return Verdict.Allowed;
    }
}
