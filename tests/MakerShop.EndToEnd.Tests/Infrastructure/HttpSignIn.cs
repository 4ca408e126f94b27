using System.Net;
using System.Text.RegularExpressions;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Signs in through the real sign-in form over plain HTTP (no browser) and hands back the cookies, so a test can send
/// them on requests it builds itself. Cookies are handled by hand: a response that clears one (signing out) does not
/// end the caller's session.
/// </summary>
public static partial class HttpSignIn
{
    public const string SessionCookieName = "makershop.session";

    /// <summary>The <c>name=value</c> of the session cookie the shop sets for this account.</summary>
    public static async Task<string> SessionCookieAsync(TestShop shop, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(shop);
        using var http = NewClient(shop);
        using var form = await http.GetAsync("/account/sign-in");
        var antiforgery = CookiesOf(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = FormToken(await form.Content.ReadAsStringAsync());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([new("email", email), new("password", password), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("Cookie", antiforgery);
        using var signedIn = await http.SendAsync(request);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Signing in {email} answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        return CookiesOf(signedIn).Single(c => c.StartsWith(SessionCookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>A client that neither keeps cookies nor follows redirects: the test decides what each request carries.</summary>
    public static HttpClient NewClient(TestShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        return new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = shop.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The <c>name=value</c> part of each cookie the response sets.</summary>
    public static IEnumerable<string> CookiesOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];
    }

    /// <summary>The antiforgery token of the first form on the page.</summary>
    public static string FormToken(string html)
    {
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"The page has no antiforgery token: {html[..Math.Min(html.Length, 2000)]}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TokenField();
}
