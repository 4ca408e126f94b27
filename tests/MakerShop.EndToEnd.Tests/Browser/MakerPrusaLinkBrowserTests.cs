using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>A maker registers a Prusa printer by its PrusaLink password: it comes online; a wrong password is shown as refused.</summary>
public sealed class MakerPrusaLinkBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Password = "mk4-link-Pass9876";

    [Fact]
    public async Task A_maker_registers_a_PrusaLink_printer_with_its_password_and_a_wrong_password_shows_as_refused_on_the_page()
    {
        // The fake printers listen on loopback, which the default maker address policy refuses.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:HttpPrinters:MakerAddressPolicy=Any"] });
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await using var mk4 = await StartAsync("ana-mk4");
        await using var xl = await StartAsync("ana-xl");
        var page = await MakerSession.SignInAsync(chromium, shop, "ana@makers.example");

        // Without the password the page says what PrusaLink needs, and nothing is stored.
        await FillAsync(page, "ana-mk4", mk4.BaseUrl.AbsoluteUri, "");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("PrusaLink needs its password");
        await Assertions.Expect(page.Locator("[data-testid=prusalink-key-hint]")).ToContainTextAsync("PrusaLink password");
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printers WHERE id = 'ana-mk4'"));

        await FillAsync(page, "ana-mk4", mk4.BaseUrl.AbsoluteUri, Password);
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("…9876");
        Assert.DoesNotContain(Password, await page.ContentAsync(), StringComparison.Ordinal);
        await FillAsync(page, "ana-xl", xl.BaseUrl.AbsoluteUri, "not-the-password");
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("ana-xl is registered");

        await page.GotoAsync("/maker");
        await Assertions.Expect(page.Locator("tr[data-printer=ana-mk4]")).ToHaveAttributeAsync("data-status", "Idle", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-printer=ana-mk4] .nozzle")).ToContainTextAsync("°C", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-printer=ana-xl]")).ToHaveAttributeAsync("data-status", "Error", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-printer=ana-xl] .state")).ToContainTextAsync("refuses the shop's PrusaLink password", new() { Timeout = 30_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "maker-prusalink-registered");
        Assert.Equal("PrusaLink", await shop.TextAsync("SELECT kind FROM printers WHERE id = 'ana-mk4'"));
        Assert.Equal(0, mk4.RefusedKeys);
        Assert.True(xl.RefusedKeys > 0);
    }

    private static async Task FillAsync(IPage page, string id, string baseUrl, string password)
    {
        await page.GotoAsync("/maker/register");
        await page.CheckAsync("input[name=kind][value=PrusaLink]");
        await page.FillAsync("input[name=id]", id);
        await page.FillAsync("input[name=name]", "Ana's Prusa " + id);
        await page.FillAsync("input[name=baseUrl]", baseUrl);
        await page.FillAsync("input[name=apiKey]", password);
        await page.ClickAsync("form.stacked button[type=submit]");
    }

    private static async Task<FakePrusaLinkServer> StartAsync(string name)
    {
        var server = new FakePrusaLinkServer(new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = name, TimeScale = 60 }, TimeProvider.System), Password);
        await server.StartAsync(CancellationToken.None);
        return server;
    }
}
