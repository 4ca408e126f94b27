namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>
/// One declared route: <c>"METHOD /pattern"</c> (a page handler as <c>"POST /pattern?handler=Name"</c>), who it is for,
/// and what fills its parameters, in the order they appear in the pattern.
/// </summary>
public sealed record RouteRule(string Route, Access Access, IReadOnlyList<Seed> Fill)
{
    public string Method => Route[..Route.IndexOf(' ', StringComparison.Ordinal)];

    public string Pattern => Route[(Route.IndexOf(' ', StringComparison.Ordinal) + 1)..].Split('?')[0];

    /// <summary>The page handler's name, when the route is one.</summary>
    public string? Handler => Route.Contains("?handler=", StringComparison.Ordinal) ? Route.Split("?handler=")[1] : null;

    /// <summary>Form fields a page's POST sends besides its antiforgery token (<c>name=value&amp;…</c>, URL-encoded).</summary>
    public string? Form { get; init; }

    /// <summary>
    /// A status the route itself gives an allowed caller (the access-denied page's 403, an unknown refund's 404). Only
    /// on routes that refuse before the handler runs (a policy: sign-in redirect, 401, 403), so it cannot hide a refusal.
    /// </summary>
    public int? OwnAnswer { get; init; }

    public override string ToString() => $"{Route} ({Access})";
}
