namespace MakerShop.EndToEnd.Tests.Security.Authorization;

/// <summary>A route the host answers, spelled as in <see cref="RouteRule.Route"/>; a page's POST carries a form and its antiforgery token.</summary>
public sealed record AppRoute(string Route, bool IsPage);
