using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>Changing one's own password and the owner's reset of a maker's, over plain HTTP with the session cookies a browser would hold.</summary>
public sealed class PasswordChangeTests : IAsyncLifetime
{
    private const string OwnerEmail = "owner@shop.example";
    private const string OwnerPassword = "the owner's first passphrase";
    private const string MakerEmail = "ana@makers.example";
    private TestShop _shop = null!;

    public async Task InitializeAsync()
    {
        // Several sign-ins and password forms from one address: more than the per-address allowance.
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:SignIn:AttemptsPerWindow=50"] });
        await _shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        await MakerSession.AddMakerAsync(_shop, "ana", "FR", MakerEmail);
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Changing_a_password_ends_the_other_sessions_and_keeps_the_one_that_changed_it()
    {
        var here = await HttpSignIn.SessionCookieAsync(_shop, OwnerEmail, OwnerPassword);
        var elsewhere = await HttpSignIn.SessionCookieAsync(_shop, OwnerEmail, OwnerPassword);
        const string newPassword = "a brand new owner passphrase";

        using var changed = await PostPasswordAsync(here, OwnerPassword, newPassword, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/account/password?changed=true", changed.Headers.Location!.OriginalString);
        var renewed = HttpSignIn.CookiesOf(changed).Single(c => c.StartsWith(HttpSignIn.SessionCookieName + "=", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/admin", renewed));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync("/admin", elsewhere));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync("/admin", here));
        Assert.Null(await _shop.Services.GetRequiredService<AccountService>().VerifyAsync(OwnerEmail, OwnerPassword, CancellationToken.None));
        Assert.NotNull(await _shop.Services.GetRequiredService<AccountService>().VerifyAsync(OwnerEmail, newPassword, CancellationToken.None));
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PasswordChanged'"));
    }

    [Fact]
    public async Task A_wrong_current_password_a_mismatch_or_a_weak_password_changes_nothing_and_says_why()
    {
        var session = await HttpSignIn.SessionCookieAsync(_shop, OwnerEmail, OwnerPassword);
        var hashBefore = await _shop.TextAsync($"SELECT password_hash FROM users WHERE email = '{OwnerEmail}'");

        (string Current, string New, string Confirm, string Message)[] refusals =
        [
            ("not the owner's passphrase", "a brand new owner passphrase", "a brand new owner passphrase", "This is not your current password."),
            (OwnerPassword, "a brand new owner passphrase", "a brand new owner passphrasE", "The two new passwords are not the same."),
            (OwnerPassword, "too short", "too short", "A password needs at least 12 characters."),
            (OwnerPassword, "aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa", "A password needs at least 5 different characters."),
            (OwnerPassword, OwnerPassword, OwnerPassword, "Choose a password different from the current one."),
        ];
        foreach (var (current, next, confirm, message) in refusals)
        {
            using var refused = await PostPasswordAsync(session, current, next, confirm);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(WebUtility.HtmlEncode(message), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(hashBefore, await _shop.TextAsync($"SELECT password_hash FROM users WHERE email = '{OwnerEmail}'"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/admin", session));
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PasswordChangeFailed'"));
    }

    [Fact]
    public async Task A_maker_whose_password_was_reset_is_signed_out_and_reaches_nothing_but_the_password_page_until_they_change_it()
    {
        var before = await HttpSignIn.SessionCookieAsync(_shop, MakerEmail, MakerSession.Password);
        var userId = await _shop.TextAsync($"SELECT id FROM users WHERE email = '{MakerEmail}'");
        var temporary = await _shop.Services.GetRequiredService<AccountService>().ResetPasswordAsync(userId!, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync("/maker", before));
        Assert.Null(await _shop.Services.GetRequiredService<AccountService>().VerifyAsync(MakerEmail, MakerSession.Password, CancellationToken.None));

        var session = await HttpSignIn.SessionCookieAsync(_shop, MakerEmail, temporary);
        using (var maker = await GetAsync("/maker/jobs", session))
        {
            Assert.Equal(HttpStatusCode.Redirect, maker.StatusCode);
            Assert.Equal("/account/password?returnUrl=%2Fmaker%2Fjobs", maker.Headers.Location!.OriginalString);
        }

        using (var api = await GetAsync("/api/printers", session))
        {
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Password change required", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/", session));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/account/password", session));

        const string chosen = "ana's own new passphrase";
        using var changed = await PostPasswordAsync(session, temporary, chosen, chosen, returnUrl: "/maker/jobs");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/maker/jobs", changed.Headers.Location!.OriginalString);
        var renewed = HttpSignIn.CookiesOf(changed).Single(c => c.StartsWith(HttpSignIn.SessionCookieName + "=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/api/printers", renewed));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/maker/jobs", renewed));
        Assert.Equal(0, await _shop.CountAsync($"SELECT must_change_password FROM users WHERE email = '{MakerEmail}'"));
    }

    private async Task<HttpResponseMessage> PostPasswordAsync(string session, string current, string next, string confirm, string? returnUrl = null)
    {
        using var http = HttpSignIn.NewClient(_shop);
        using var form = await GetAsync("/account/password", session);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = HttpSignIn.CookiesOf(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var token = HttpSignIn.FormToken(await form.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/password")
        {
            Content = new FormUrlEncodedContent(
            [
                new("currentPassword", current), new("newPassword", next), new("confirmPassword", confirm),
                new("returnUrl", returnUrl ?? ""), new("__RequestVerificationToken", token),
            ]),
        };
        request.Headers.Add("Cookie", $"{session}; {antiforgery}");
        return await http.SendAsync(request);
    }

    private async Task<HttpStatusCode> StatusAsync(string path, string session)
    {
        using var response = await GetAsync(path, session);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string session)
    {
        using var http = HttpSignIn.NewClient(_shop);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", session);
        return await http.SendAsync(request);
    }
}
