using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>Signing out ends the session on the server: a copy of the cookie taken before it opens nothing afterwards.</summary>
public sealed class SignOutTests : IAsyncLifetime
{
    private const string Email = "owner@example.com";
    private const string Password = "a long owner passphrase 42";
    private TestShop _shop = null!;

    public async Task InitializeAsync()
    {
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await _shop.Services.GetRequiredService<AccountService>().CreateAsync(Email, "Owner", UserRole.Owner, null, Password, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_is_refused_after_it()
    {
        var session = await HttpSignIn.SessionCookieAsync(_shop, Email, Password);
        using var http = HttpSignIn.NewClient(_shop);

        using var admin = await GetAsync(http, "/admin", session);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        var antiforgery = HttpSignIn.CookiesOf(admin).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = HttpSignIn.FormToken(await admin.Content.ReadAsStringAsync());

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/sign-out")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        signOut.Headers.Add("Cookie", $"{session}; {antiforgery}");
        using (var signedOut = await http.SendAsync(signOut))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replayed = await GetAsync(http, "/admin", session);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/account/sign-in", replayed.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'SignedOut'"));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient http, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await http.SendAsync(request);
    }
}
