using System.Net;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Security;

/// <summary>The first-run set-up link's rules, over plain HTTP against the real host: once only, never after an owner exists, no hint to a guesser.</summary>
public sealed class OwnerSetupLinkTests
{
    private const string Password = "the first owner's passphrase";

    [Fact]
    public async Task A_shop_without_an_owner_logs_a_link_whose_page_creates_the_first_owner_exactly_once()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var link = await OwnerSetupLink.ReadAsync(shop);
        Assert.Equal(shop.Http.BaseAddress!.Authority, link.Authority);
        using var http = HttpSignIn.NewClient(shop);

        using (var created = await PostSetupAsync(http, link.PathAndQuery, "olivia@shop.example"))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            Assert.Equal("/admin", created.Headers.Location!.OriginalString);
            Assert.Contains(HttpSignIn.CookiesOf(created), c => c.StartsWith(HttpSignIn.SessionCookieName + "=", StringComparison.Ordinal));
        }

        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM users WHERE role = 'Owner' AND email = 'olivia@shop.example'"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM owner_setup_tokens"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'OwnerCreatedAtSetup'"));

        // The same link again: the page says the shop is set up, and a second submission creates nobody.
        using (var again = await http.GetAsync(link.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            var html = await again.Content.ReadAsStringAsync();
            Assert.Contains("data-state=\"AlreadySetUp\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
        }

        using (var replay = await PostSetupAsync(http, "/setup", "mallory@shop.example", token: TokenOf(link)))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Contains("data-state=\"AlreadySetUp\"", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task A_missing_or_wrong_token_gets_a_readable_not_found_page_that_creates_nobody()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var link = await OwnerSetupLink.ReadAsync(shop);
        var token = TokenOf(link);
        using var http = HttpSignIn.NewClient(shop);
        string[] wrong = ["/setup", "/setup?token=", "/setup?token=" + token[..^1], "/setup?token=" + token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), "/setup?token=" + token + "x"];
        var bodies = new List<string>();
        foreach (var path in wrong)
        {
            using var answer = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var html = await answer.Content.ReadAsStringAsync();
            Assert.Contains("Page not found", html, StringComparison.Ordinal);
            Assert.DoesNotContain("name=\"password\"", html, StringComparison.Ordinal);
            // No hint: every wrong token gets the very same page (the layout's forms carry their own antiforgery tokens).
            bodies.Add(html[html.IndexOf("<main>", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)]);
        }

        Assert.Single(bodies.Distinct(StringComparer.Ordinal));

        // Posting the form with a wrong token (through a real form of the right page) is refused the same way.
        using (var refused = await PostSetupAsync(http, link.PathAndQuery, "mallory@shop.example", token: token[..^1]))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM users"));

        // The right link still works after all those tries.
        using var form = await http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("data-state=\"Open\"", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_made_another_way_closes_the_link_and_a_restart_prints_none()
    {
        var settings = TestShopSettings.CreateTemporary();
        await using (var shop = await TestShop.StartAsync(settings))
        {
            var link = await OwnerSetupLink.ReadAsync(shop);
            await shop.Services.GetRequiredService<AccountService>().CreateAsync("script@shop.example", "Script", UserRole.Owner, null, Password, CancellationToken.None);
            using var http = HttpSignIn.NewClient(shop);
            using var page = await http.GetAsync(link.PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("data-state=\"AlreadySetUp\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var (state, owner) = await shop.Services.GetRequiredService<OwnerSetupService>().CreateOwnerAsync(TokenOf(link), "late@shop.example", "Late", Password, CancellationToken.None);
            Assert.Equal(OwnerSetupState.AlreadySetUp, state);
            Assert.Null(owner);
            Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM users WHERE role = 'Owner'"));
        }

        await using var restarted = await TestShop.StartAsync(settings, keepPorts: true);
        Assert.Single(OwnerSetupLink.All(restarted));
        Assert.Equal(0, await restarted.CountAsync("SELECT COUNT(*) FROM owner_setup_tokens"));
    }

    [Fact]
    public async Task Each_start_without_an_owner_prints_a_new_link_and_the_old_one_stops_working()
    {
        var settings = TestShopSettings.CreateTemporary();
        Uri first;
        await using (var shop = await TestShop.StartAsync(settings))
        {
            first = await OwnerSetupLink.ReadAsync(shop);
        }

        await using var restarted = await TestShop.StartAsync(settings, keepPorts: true);
        await Eventually.UntilAsync(() => OwnerSetupLink.All(restarted).Count == 2, TimeSpan.FromSeconds(30), "a second set-up link after the restart");
        var second = OwnerSetupLink.All(restarted)[^1];
        Assert.NotEqual(TokenOf(first), TokenOf(second));

        using var http = HttpSignIn.NewClient(restarted);
        using (var old = await http.GetAsync(first.PathAndQuery))
        {
            Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        }

        using var current = await http.GetAsync(second.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Two_submissions_of_the_same_link_at_once_make_one_owner()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var token = TokenOf(await OwnerSetupLink.ReadAsync(shop));
        var setup = shop.Services.GetRequiredService<OwnerSetupService>();

        var results = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            Task.Run(() => setup.CreateOwnerAsync(token, $"owner{i}@shop.example", $"Owner {i}", Password, CancellationToken.None))));

        Assert.Single(results, r => r.Owner is not null);
        Assert.All(results.Where(r => r.Owner is null), r => Assert.Equal(OwnerSetupState.AlreadySetUp, r.State));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM users WHERE role = 'Owner'"));
    }

    [Fact]
    public void A_token_carries_256_random_bits_in_url_safe_characters_and_only_its_own_hash_matches()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => OwnerSetupToken.New()).ToList();
        Assert.Equal(100, tokens.Distinct(StringComparer.Ordinal).Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));

        var stored = new[] { OwnerSetupToken.Hash(tokens[0]), OwnerSetupToken.Hash("") };
        Assert.True(OwnerSetupToken.MatchesAny(tokens[0], stored));
        Assert.False(OwnerSetupToken.MatchesAny(tokens[1], stored));
        Assert.False(OwnerSetupToken.MatchesAny(tokens[0].ToUpperInvariant(), stored));
        Assert.False(OwnerSetupToken.MatchesAny("", stored));
        Assert.False(OwnerSetupToken.MatchesAny(null, stored));
        Assert.DoesNotContain(tokens[0], stored[0], StringComparison.Ordinal);
    }

    private static string TokenOf(Uri link) => link.Query["?token=".Length..];

    /// <summary>Fills the set-up form of <paramref name="pagePath"/> and posts it, with another token when one is given.</summary>
    private static async Task<HttpResponseMessage> PostSetupAsync(HttpClient http, string pagePath, string email, string? token = null)
    {
        using var form = await http.GetAsync(pagePath);
        var html = await form.Content.ReadAsStringAsync();
        var antiforgery = HttpSignIn.CookiesOf(form).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var formToken = HttpSignIn.FormToken(html);
        var sentToken = token ?? TokenOf(new Uri(new Uri("http://x"), pagePath));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/setup")
        {
            Content = new FormUrlEncodedContent(
            [
                new("token", sentToken), new("name", "Olivia"), new("email", email),
                new("password", Password), new("confirmPassword", Password), new("__RequestVerificationToken", formToken),
            ]),
        };
        request.Headers.Add("Cookie", antiforgery);
        return await http.SendAsync(request);
    }
}
