using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Payments;

/// <summary>The owner signed in to the admin pages with a cookie, posting their forms as a browser without JavaScript does.</summary>
public sealed partial class OwnerSession : IDisposable
{
    private readonly HttpClient http;

    private OwnerSession(TestShop shop) =>
        http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = shop.Http.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public string Html { get; private set; } = "";

    public static async Task<OwnerSession> SignInAsync(TestShop shop, string email = "owner@makershop.example")
    {
        const string Password = "a long owner passphrase";
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(email, "Olivia", UserRole.Owner, null, Password, CancellationToken.None);
        var session = new OwnerSession(shop);
        await session.GetAsync("/account/sign-in");
        using var signedIn = await session.PostAsync("/account/sign-in", [new("email", email), new("password", Password), new("returnUrl", "/admin")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return session;
    }

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        var response = await http.GetAsync(path);
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Posts a form with the antiforgery token of the page last read.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", Token()));
        var response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Uploads a file as the import form does (multipart), then follows the redirect to the review.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string path, string field, string fileName, string content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, field, fileName);
        form.Add(new StringContent(Token()), "__RequestVerificationToken");
        var response = await http.PostAsync(path, form);
        Html = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Follows a redirect answer (Post/Redirect/Get).</summary>
    public async Task<HttpResponseMessage> FollowAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await GetAsync(response.Headers.Location!.OriginalString);
    }

    private string Token() => TokenField().Match(Html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex TokenField();

    public void Dispose() => http.Dispose();
}
