using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>Adds a maker with a sign-in to a test shop, and signs them in in the browser.</summary>
public static class MakerSession
{
    public const string Password = "a maker's long passphrase";

    public static async Task AddMakerAsync(TestShop shop, string id, string country, string email)
    {
        ArgumentNullException.ThrowIfNull(shop);
        await using (var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>()))
        {
            await MakerStore.UpsertAsync(session, Maker.Create(id, id.ToUpperInvariant(), country, DateTimeOffset.UtcNow));
            await session.CommitAsync();
        }

        await shop.Services.GetRequiredService<AccountService>().CreateAsync(email, id, UserRole.Maker, id, Password, CancellationToken.None);
    }

    public static async Task<IPage> SignInAsync(ChromiumBrowser chromium, TestShop shop, string email)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        ArgumentNullException.ThrowIfNull(shop);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/maker$"));
        return page;
    }
}
