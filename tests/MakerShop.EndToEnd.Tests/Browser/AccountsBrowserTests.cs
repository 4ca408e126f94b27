using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>First run, changing one's password, and the owner's reset of a maker's password, in Chromium against the real host.</summary>
public sealed class AccountsBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "olivia@shop.example";
    private const string OwnerPassword = "olivia's long passphrase";

    [Fact]
    public async Task First_run_the_owner_opens_the_link_the_shop_printed_and_creates_their_account_once()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var link = await OwnerSetupLink.ReadAsync(shop);
        var page = await PhoneAsync(shop, "en");

        await page.GotoAsync(link.ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up your shop");
        await AssertFitsAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-01-setup-form");

        // While there is no owner, a wrong token is a plain, readable "not found" that hints at nothing.
        var guesser = await PhoneAsync(shop, "en");
        var wrong = await guesser.GotoAsync(link.ToString()[..^2]);
        Assert.Equal(404, wrong!.Status);
        await Assertions.Expect(guesser.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(guesser.Locator("input[type=password]")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(guesser, "accounts-02-setup-wrong-token");

        await page.FillAsync("[data-testid=setup-name]", "Olivia Owner");
        await page.FillAsync("[data-testid=setup-email]", "not an address");
        await page.FillAsync("[data-testid=setup-password]", "too short");
        await page.FillAsync("[data-testid=setup-confirm]", "something else");
        await page.ClickAsync("[data-testid=setup-submit]");
        await Assertions.Expect(page.Locator("[data-testid=error-email]")).ToHaveTextAsync("Type an e-mail address, such as you@example.com.");
        await Assertions.Expect(page.Locator("[data-testid=error-password]")).ToHaveTextAsync("A password needs at least 12 characters.");
        await Assertions.Expect(page.Locator("[data-testid=error-confirmPassword]")).ToHaveTextAsync("The two new passwords are not the same.");
        await Assertions.Expect(page.Locator("[data-testid=setup-name]")).ToHaveValueAsync("Olivia Owner");
        await AssertFitsAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-03-setup-errors");
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM users"));

        await page.FillAsync("[data-testid=setup-email]", OwnerEmail);
        await page.FillAsync("[data-testid=setup-password]", OwnerPassword);
        await page.FillAsync("[data-testid=setup-confirm]", OwnerPassword);
        await page.ClickAsync("[data-testid=setup-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await ChromiumBrowser.ScreenshotAsync(page, "accounts-04-setup-done-signed-in");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM users WHERE role = 'Owner' AND email = '{OwnerEmail}' AND display_name = 'Olivia Owner'"));

        // The same link a second time only says the shop is set up.
        var again = await PhoneAsync(shop, "en");
        await again.GotoAsync(link.ToString());
        await Assertions.Expect(again.Locator("[data-testid=already-set-up]")).ToBeVisibleAsync();
        await Assertions.Expect(again.Locator("input[type=password]")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(again, "accounts-05-setup-link-used");

        // The new owner signs in with what they chose.
        await again.GotoAsync("/account/sign-in");
        await again.FillAsync("input[name=email]", OwnerEmail);
        await again.FillAsync("input[name=password]", OwnerPassword);
        await again.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(again).ToHaveURLAsync(new Regex("/admin$"));
    }

    [Fact]
    public async Task The_owner_changes_their_password_in_french_and_their_other_session_ends()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var laptop = await SignInAsync(shop, OwnerEmail, OwnerPassword, "fr-FR,fr;q=0.9");
        var phone = await SignInAsync(shop, OwnerEmail, OwnerPassword, "fr-FR,fr;q=0.9");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/admin$"));

        await laptop.ClickAsync("[data-testid=nav-password]");
        await Assertions.Expect(laptop.Locator("h1")).ToHaveTextAsync("Changer de mot de passe");
        await AssertFitsAsync(laptop);
        await ChromiumBrowser.ScreenshotAsync(laptop, "accounts-06-password-form-fr");

        const string newPassword = "une toute nouvelle phrase";
        await laptop.FillAsync("[data-testid=current-password]", "pas le bon mot de passe");
        await laptop.FillAsync("[data-testid=new-password]", newPassword);
        await laptop.FillAsync("[data-testid=confirm-password]", newPassword);
        await laptop.ClickAsync("[data-testid=change-password]");
        await Assertions.Expect(laptop.Locator("[data-testid=error-currentPassword]")).ToHaveTextAsync("Ce n'est pas votre mot de passe actuel.");
        await AssertFitsAsync(laptop);
        await ChromiumBrowser.ScreenshotAsync(laptop, "accounts-07-password-wrong-current-fr");

        await laptop.FillAsync("[data-testid=current-password]", OwnerPassword);
        await laptop.FillAsync("[data-testid=new-password]", newPassword);
        await laptop.FillAsync("[data-testid=confirm-password]", newPassword);
        await laptop.ClickAsync("[data-testid=change-password]");
        await Assertions.Expect(laptop.Locator("[data-testid=notice]")).ToHaveTextAsync("Votre mot de passe est changé. Vos autres sessions sont fermées.");
        await ChromiumBrowser.ScreenshotAsync(laptop, "accounts-08-password-changed-fr");

        // This browser stays signed in; the other one is signed out.
        await laptop.ClickAsync("[data-testid=continue]");
        await Assertions.Expect(laptop).ToHaveURLAsync(new Regex("/admin$"));
        await phone.GotoAsync("/admin");
        await Assertions.Expect(phone).ToHaveURLAsync(new Regex("/account/sign-in"));
        await ChromiumBrowser.ScreenshotAsync(phone, "accounts-09-other-session-signed-out");

        var stale = await SignInAsync(shop, OwnerEmail, OwnerPassword, "en", expectSignedIn: false);
        await Assertions.Expect(stale.Locator("[data-testid=sign-in-error]")).ToBeVisibleAsync();
        await SignInAsync(shop, OwnerEmail, newPassword, "en");
    }

    [Fact]
    public async Task The_owner_resets_a_makers_password_and_the_maker_must_choose_a_new_one_before_anything_else()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        const string makerEmail = "ana@makers.example";
        await MakerSession.AddMakerAsync(shop, "ana", "FR", makerEmail);
        var maker = await SignInAsync(shop, makerEmail, MakerSession.Password, "en", phone: true);
        await Assertions.Expect(maker).ToHaveURLAsync(new Regex("/maker$"));

        var owner = await SignInAsync(shop, OwnerEmail, OwnerPassword, "en", phone: true);
        await owner.GotoAsync("/admin/makers");
        var ana = owner.Locator($"[data-sign-in='{makerEmail}']");
        await Assertions.Expect(ana).ToContainTextAsync(makerEmail);
        await ChromiumBrowser.ScreenshotAsync(owner, "accounts-10-makers-sign-ins");
        await ana.Locator("[data-testid=reset-password]").ClickAsync();
        var temporary = (await owner.Locator("[data-testid=temporary-password]").TextContentAsync())!.Trim();
        Assert.Matches("^[a-z2-9]{4}(-[a-z2-9]{4}){3}$", temporary);
        await Assertions.Expect(owner.Locator("[data-testid=temporary-password-box]")).ToContainTextAsync($"Temporary password for {makerEmail}");
        await Assertions.Expect(owner.Locator($"[data-sign-in='{makerEmail}'] [data-testid=must-change]")).ToBeVisibleAsync();
        await AssertFitsAsync(owner);
        await ChromiumBrowser.ScreenshotAsync(owner, "accounts-11-temporary-password-shown-once");
        // Shown once: the page read again does not hold it.
        await owner.GotoAsync("/admin/makers");
        await Assertions.Expect(owner.Locator("[data-testid=temporary-password]")).ToHaveCountAsync(0);
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'MakerPasswordReset'"));

        // The maker's open session ended with the reset.
        await maker.GotoAsync("/maker");
        await Assertions.Expect(maker).ToHaveURLAsync(new Regex("/account/sign-in"));
        await ChromiumBrowser.ScreenshotAsync(maker, "accounts-12-maker-signed-out-by-reset");

        // Signing in with the temporary password leads to the password page, and nothing else opens until it is changed.
        await maker.FillAsync("input[name=email]", makerEmail);
        await maker.FillAsync("input[name=password]", temporary);
        await maker.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(maker).ToHaveURLAsync(new Regex("/account/password\\?returnUrl=%2Fmaker$"));
        await Assertions.Expect(maker.Locator("[data-testid=must-change]")).ToBeVisibleAsync();
        await AssertFitsAsync(maker);
        await ChromiumBrowser.ScreenshotAsync(maker, "accounts-13-maker-must-change-password");
        await maker.GotoAsync("/maker/jobs");
        await Assertions.Expect(maker).ToHaveURLAsync(new Regex("/account/password\\?returnUrl=%2Fmaker%2Fjobs$"));
        var apiStatus = await maker.EvaluateAsync<int>("async () => (await fetch('/api/printers')).status");
        Assert.Equal(403, apiStatus);

        const string chosen = "ana's very own passphrase";
        await maker.FillAsync("[data-testid=current-password]", temporary);
        await maker.FillAsync("[data-testid=new-password]", chosen);
        await maker.FillAsync("[data-testid=confirm-password]", chosen);
        await maker.ClickAsync("[data-testid=change-password]");
        await Assertions.Expect(maker).ToHaveURLAsync(new Regex("/maker/jobs$"));
        await ChromiumBrowser.ScreenshotAsync(maker, "accounts-14-maker-back-in-after-choosing");
        Assert.Equal(200, await maker.EvaluateAsync<int>("async () => (await fetch('/api/printers')).status"));

        await owner.GotoAsync("/admin/makers");
        await Assertions.Expect(owner.Locator($"[data-sign-in='{makerEmail}'] [data-testid=must-change]")).ToHaveCountAsync(0);
    }

    private async Task<IPage> PhoneAsync(TestShop shop, string acceptLanguage)
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, acceptLanguage);
        await page.SetViewportSizeAsync(390, 844);
        return page;
    }

    private async Task<IPage> SignInAsync(TestShop shop, string email, string password, string acceptLanguage, bool phone = false, bool expectSignedIn = true)
    {
        var page = phone ? await PhoneAsync(shop, acceptLanguage) : await chromium.NewPageAsync(shop.Http.BaseAddress!, acceptLanguage);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        if (expectSignedIn)
        {
            await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("/account/sign-in"));
        }

        return page;
    }

    /// <summary>Nothing on the page is wider than the window (390 px on a phone).</summary>
    private static async Task AssertFitsAsync(IPage page) =>
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{page.Url} is wider than the window");
}
