using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>The owner's fleet page with the demo fleet printing: live cards, filters, and a shop printer paused and resumed.</summary>
public sealed class FleetBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private static readonly LocatorAssertionsToHaveCountOptions Long = new() { Timeout = 90_000 };

    [Fact]
    public async Task The_owner_watches_the_demo_fleet_live_filters_it_and_pauses_and_resumes_a_shop_printer()
    {
        // A slow demo clock, so the planter box prints for minutes and can be paused mid-way.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=4", "--MakerShop:Demo:Fleet:TimeScale=20"],
        });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("ana-mk3", "Ana MK3", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "white", "FR", AutoEject: false)
            {
                Equipment = new PrinterEquipment("ana", Enclosed: false, HardenedNozzle: false),
            });
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube"));
        // The PETG printer stands in Germany, and the scheduler keeps a parcel inside its country: a German customer.
        var planterOrder = ShopApi.OrderBody("planter-box", material: "PETG", colour: "orange");
        planterOrder["shippingAddress"] = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Grace", ["line1"] = "Unter den Linden 1", ["city"] = "Berlin", ["postalCode"] = "10117", ["countryCode"] = "DE",
        };
        await ShopApi.PlaceOrderAsync(shop.Http, planterOrder);

        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await page.ClickAsync("[data-testid=nav-printers]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/printers$"));

        // The planter box reaches the one PETG printer; its card says so in words, with the customer's order.
        var fleet = page.Locator("[data-testid=fleet]");
        var planter = fleet.Locator("li.fleet-card[data-status=Busy]", new() { HasText = "Square planter box" });
        await Assertions.Expect(planter).ToHaveCountAsync(1, Long);
        await Assertions.Expect(planter.Locator(".state")).ToHaveTextAsync("Printing");
        await Assertions.Expect(planter.Locator(".job a")).ToHaveTextAsync(new Regex(@"^MS-\d+$"));
        await Assertions.Expect(planter.Locator(".job")).ToContainTextAsync("'s order");
        await Assertions.Expect(planter.Locator(".nozzle")).ToHaveTextAsync(new Regex(@"^\d+ °C$"));
        await Assertions.Expect(fleet.Locator("li.fleet-card[data-printer=ana-mk3] .who")).ToHaveTextAsync("ANA · France");
        var printerId = await planter.GetAttributeAsync("data-printer");
        Assert.NotNull(printerId);

        // Live: the progress moves while the page stays the same document.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        var card = fleet.Locator($"li.fleet-card[data-printer='{printerId}']");
        await Assertions.Expect(card.Locator(".percent")).ToHaveTextAsync(new Regex(@"^\d+ %$"), new() { Timeout = 30_000 });
        var before = await card.Locator(".percent").InnerTextAsync();
        await page.WaitForFunctionAsync(
            "([id, text]) => { const p = document.querySelector(`li[data-printer=\"${id}\"] .percent`); return p && p.textContent !== text && p.textContent !== ''; }",
            new[] { printerId, before }, new() { Timeout = 60_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        var busy = await page.Locator("[data-count=Busy]").InnerTextAsync();
        Assert.True(int.Parse(busy, CultureInfo.InvariantCulture) >= 1);
        await ChromiumBrowser.ScreenshotAsync(page, "fleet-01-live");

        // Filter by state with the script: only printing printers stay, and the address says so for a reload.
        await page.SelectOptionAsync("select[name=state]", "Busy");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?state=Busy$"));
        await Assertions.Expect(fleet.Locator("li.fleet-card:not([data-status=Busy])")).ToHaveCountAsync(0);
        await Assertions.Expect(fleet.Locator("li.fleet-card[data-printer=ana-mk3]")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("select[name=state]", "Offline");
        await Assertions.Expect(fleet.Locator("li.fleet-card[data-printer=ana-mk3] .state")).ToHaveTextAsync("Offline");
        await page.SelectOptionAsync("select[name=state]", "");

        // On a 390 px phone the cards are one column and nothing is wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(fleet.Locator("li.fleet-card").First).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the fleet page is wider than 390 px");
        var lefts = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('li.fleet-card')].map(c => c.getBoundingClientRect().left)");
        Assert.Single(lefts.Distinct());
        await ChromiumBrowser.ScreenshotAsync(page, "fleet-02-phone-390");
        await page.SetViewportSizeAsync(1280, 900);

        // The shop's own printer: pause is offered while it prints, resume only once it is paused.
        await card.Locator("h2 a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/printers/{printerId}$"));
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await Assertions.Expect(page.Locator("button[data-action=Resume]")).ToHaveCountAsync(0);
        await PrinterPageSteps.ConfirmAsync(page, "Pause");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Pause sent to");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Paused", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("button[data-action=Pause]")).ToHaveCountAsync(0);
        await ChromiumBrowser.ScreenshotAsync(page, "fleet-03-shop-printer-paused");
        await PrinterPageSteps.ConfirmAsync(page, "Resume");
        await Assertions.Expect(page.Locator("[data-testid=state]")).ToHaveTextAsync("Printing", new() { Timeout = 30_000 });
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterPause' AND target = '{printerId}' AND user_email = '{OwnerEmail}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterResume' AND target = '{printerId}' AND user_email = '{OwnerEmail}'"));

        // A maker's printer is read-only for the owner, and a command posted anyway is refused.
        await page.GotoAsync("/admin/printers/ana-mk3");
        await Assertions.Expect(page.Locator("[data-testid=read-only]")).ToContainTextAsync("only they can command it");
        await Assertions.Expect(page.Locator("[data-testid=commands]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=no-readings]")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "fleet-04-makers-printer-read-only");
        var token = await page.Locator("form.preferences input[name=__RequestVerificationToken]").GetAttributeAsync("value") ?? "";
        var post = await page.EvaluateAsync<int>(
            "async t => (await fetch('/admin/printers/ana-mk3', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=TakeOutOfService&confirm=true&__RequestVerificationToken=' + encodeURIComponent(t) })).status",
            token);
        Assert.Equal(403, post);
        Assert.Equal(1, await shop.CountAsync("SELECT in_service FROM printers WHERE id = 'ana-mk3'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterTakeOutOfServiceRefused' AND target = 'ana-mk3'"));

        // A maker is not the owner: the fleet, its stream and the owner's commands are closed to them.
        var maker = await MakerSession.SignInAsync(chromium, shop, "ana@makers.example");
        Assert.Equal(403, (await maker.GotoAsync("/admin/printers"))!.Status);
        Assert.Equal(403, (await maker.GotoAsync($"/admin/printers/{printerId}"))!.Status);
        Assert.Equal(403, await maker.EvaluateAsync<int>("async () => (await fetch('/admin/printers/live')).status"));
        Assert.Equal(403, await maker.EvaluateAsync<int>(
            $"async () => (await fetch('/api/admin/printers/{printerId}/commands', {{ method: 'POST', headers: {{ 'Content-Type': 'application/json' }}, body: JSON.stringify({{ action: 'Pause' }}) }})).status"));
    }
}
