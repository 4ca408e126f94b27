using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// Numbers on the maker and admin forms in French: a decimal comma is read as such (a point too), a refused number is
/// explained in French and kept in the field, and the values come back written the French way.
/// </summary>
public sealed class FrenchNumberInputBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";

    [Fact]
    public async Task A_French_maker_registers_a_printer_with_a_04_nozzle_and_an_owner_weighs_a_spool_with_a_decimal_comma()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);

        var maker = await SignInAsync(shop, "ana@makers.example", MakerSession.Password, "/maker");
        await maker.GotoAsync("/maker/register");
        await Assertions.Expect(maker.Locator("h1")).ToHaveTextAsync("Enregistrer une imprimante");
        // The defaults are written the French way, so sending the form untouched reads back what it shows.
        await Assertions.Expect(maker.Locator("input[name=nozzle]")).ToHaveValueAsync("0,4");

        // A number that is not one: refused in French, on its field, and what was typed stays there to correct.
        await maker.FillAsync("input[name=id]", "ana-prusa");
        await maker.FillAsync("input[name=name]", "La Prusa d'Ana");
        await maker.FillAsync("input[name=nozzle]", "0,4,5");
        await maker.ClickAsync("[data-testid=register-form] button[type=submit]");
        await Assertions.Expect(maker.Locator("[data-testid=error]")).ToContainTextAsync("diamètre de buse");
        await Assertions.Expect(maker.Locator("[data-testid=error]")).ToHaveAttributeAsync("data-field", "nozzleDiameter");
        await Assertions.Expect(maker.Locator("input[name=nozzle]")).ToHaveValueAsync("0,4,5");
        await Assertions.Expect(maker.Locator("input[name=name]")).ToHaveValueAsync("La Prusa d'Ana");
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printers WHERE id = 'ana-prusa'"));
        await ChromiumBrowser.ScreenshotAsync(maker, "french-numbers-01-refused");

        // Decimal commas as a French maker types them, and a point where the browser or habit gives one.
        await maker.FillAsync("input[name=x]", "250,5");
        await maker.FillAsync("input[name=y]", "210");
        await maker.FillAsync("input[name=z]", "220.5");
        await maker.FillAsync("input[name=nozzle]", "0,4");
        await maker.ClickAsync("[data-testid=register-form] button[type=submit]");
        await Assertions.Expect(maker.Locator("[data-testid=registered]")).ToContainTextAsync("ana-prusa est enregistrée");
        Assert.Equal("0.4", await shop.TextAsync("SELECT printf('%.3g', nozzle_diameter) FROM printers WHERE id = 'ana-prusa'"));
        Assert.Equal("250.5 210 220.5", await shop.TextAsync("SELECT printf('%g %g %g', build_x, build_y, build_z) FROM printers WHERE id = 'ana-prusa'"));

        await maker.GotoAsync("/maker/printers/ana-prusa");
        await Assertions.Expect(maker.Locator("[data-testid=nozzle-diameter]")).ToHaveTextAsync("0,4 mm");
        await Assertions.Expect(maker.Locator("[data-testid=printer]")).ToContainTextAsync("250,5 × 210 × 220,5 mm");
        await ChromiumBrowser.ScreenshotAsync(maker, "french-numbers-02-printer");

        // The owner, in French, weighs a spool: 412,5 g left.
        var owner = await SignInAsync(shop, OwnerEmail, OwnerPassword, "/admin");
        await owner.GotoAsync("/admin/spools");
        var add = owner.Locator("[data-testid=add-spool]");
        await add.Locator("input[name=material]").FillAsync("PLA");
        await add.Locator("input[name=colour]").FillAsync("black");
        await add.Locator("input[name=brand]").FillAsync("Prusament");
        await add.Locator("input[name=gramsAtStart]").FillAsync("1 000");
        await add.Locator("button").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("Bobine Prusament PLA black ajoutée");
        var row = owner.Locator("[data-testid=spools] tr[data-spool]");
        await row.Locator("input[name=gramsLeft]").FillAsync("412,5");
        await row.Locator("button[data-action=save-spool]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("enregistrée");
        await Assertions.Expect(row.Locator("td[data-grams-left]")).ToHaveTextAsync("412,5");
        Assert.Equal("412.5 1000", await shop.TextAsync("SELECT printf('%g %g', grams_left, grams_at_start) FROM spools"));
        await ChromiumBrowser.ScreenshotAsync(owner, "french-numbers-03-spool");
    }

    private async Task<IPage> SignInAsync(TestShop shop, string email, string password, string landing)
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "fr-FR,fr;q=0.9");
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Se connecter");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(landing) + "$"));
        return page;
    }
}
