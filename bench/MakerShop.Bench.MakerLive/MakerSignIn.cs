using System.Net;
using System.Text.RegularExpressions;

namespace MakerShop.Bench.MakerLive;

/// <summary>Signs in through the real sign-in form (antiforgery token and cookie included) and returns the session cookies.</summary>
internal static partial class MakerSignIn
{
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email, string password, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress };
        var form = await http.GetStringAsync(new Uri("account/sign-in", UriKind.Relative), ct);
        var token = TokenField().Match(form) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await http.PostAsync(new Uri("account/sign-in", UriKind.Relative), body, ct);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found && response.StatusCode != HttpStatusCode.SeeOther)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}, not a redirect.");
        }

        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
