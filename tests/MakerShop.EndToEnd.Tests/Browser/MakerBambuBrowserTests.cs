using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.Bambu;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// A maker registers Bambu Lab printers on /maker/register: one with an AMS shows its trays (swatch and colour words,
/// English and French, on a 390 px phone), one without Developer Mode shows what to switch on.
/// </summary>
public sealed class MakerBambuBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const int Phone = 390;

    [Fact]
    public async Task A_maker_registers_Bambu_printers_and_sees_the_AMS_trays_and_separately_the_Developer_Mode_advice()
    {
        // The fake printers listen on loopback, which the default maker address policy refuses.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:HttpPrinters:MakerAddressPolicy=Any", "--MakerShop:HttpPrinters:PollIntervalSeconds=0.5"],
        });
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await using var withAms = await StartPrinterAsync(o => o.AmsTrays = [new(0, 0, "PLA", "FFFFFFFF", 90), new(0, 1, "PLA", "000000FF", 60), new(0, 3, "PETG", "FF6A13FF", 35)]);
        await using var locked = await StartPrinterAsync(o => { o.FullReports = true; o.DeveloperMode = false; });
        var page = await SignInAsync(shop, "en");
        await page.SetViewportSizeAsync(Phone, 844);

        await FillAsync(page, "ana-p1s", withAms);
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("ana-p1s is registered");
        await ChromiumBrowser.ScreenshotAsync(page, "maker-bambu-1-registered");

        await ShowTraysAsync(page, "ana-p1s");
        var trays = page.Locator("[data-testid=tray]");
        await Assertions.Expect(trays.Nth(1)).ToContainTextAsync("AMS 1 · slot 2: PLA, black, 60 % left");
        await Assertions.Expect(trays.Nth(2)).ToContainTextAsync("AMS 1 · slot 4: PETG, orange, 35 % left");
        await Assertions.Expect(trays.Nth(3)).ToContainTextAsync("External spool: PLA, white");
        await Assertions.Expect(page.Locator("[data-testid=tray] .swatch").Nth(1)).ToHaveCSSAsync("background-color", "rgb(0, 0, 0)");
        await FitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "maker-bambu-2-ams-trays");

        var french = await SignInAsync(shop, "fr");
        await french.SetViewportSizeAsync(Phone, 844);
        await ShowTraysAsync(french, "ana-p1s");
        await Assertions.Expect(french.Locator("[data-testid=tray]").Nth(1)).ToContainTextAsync("AMS 1 · emplacement 2 : PLA, noir, reste 60 %");
        await FitsPhoneAsync(french);
        await ChromiumBrowser.ScreenshotAsync(french, "maker-bambu-3-ams-trays-fr");

        await FillAsync(page, "ana-x1c", locked);
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("ana-x1c is registered");
        await page.GotoAsync("/maker/printers/ana-x1c");
        await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                return (await page.Locator("[data-testid=state-line]").InnerTextAsync()).Contains("Developer Mode on", StringComparison.Ordinal);
            },
            TimeSpan.FromSeconds(60),
            "the printer page to say Developer Mode must be switched on");
        await Assertions.Expect(page.Locator("[data-testid=state-line]")).ToContainTextAsync("LAN Only mode on, then Developer Mode on");
        await FitsPhoneAsync(page);
        await ChromiumBrowser.ScreenshotAsync(page, "maker-bambu-4-developer-mode");
    }

    private static async Task ShowTraysAsync(IPage page, string printerId)
    {
        await page.GotoAsync($"/maker/printers/{printerId}");
        await Eventually.UntilAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("[data-testid=tray]").CountAsync() == 4;
            },
            TimeSpan.FromSeconds(60),
            "the printer page to list three AMS trays and the external spool");
    }

    private static async Task FitsPhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= Phone, $"the page is {width} px wide on a {Phone} px phone");
    }

    private static async Task FillAsync(IPage page, string id, FakeBambuPrinter printer)
    {
        await page.GotoAsync("/maker/register");
        await page.CheckAsync("input[name=kind][value=BambuLan]");
        await page.FillAsync("input[name=bambuSerial]", printer.Serial);
        await page.FillAsync("input[name=bambuAddress]", $"127.0.0.1:{printer.Port}");
        await page.FillAsync("input[name=accessCode]", printer.AccessCode);
        await page.FillAsync("input[name=id]", id);
        await page.FillAsync("input[name=name]", "Ana's Bambu " + id);
        await page.ClickAsync("form.stacked button[type=submit]");
    }

    private async Task<IPage> SignInAsync(TestShop shop, string language)
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language == "fr" ? "fr-FR,fr;q=0.9" : "en-US,en;q=0.9");
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", "ana@makers.example");
        await page.FillAsync("input[name=password]", MakerSession.Password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/maker$"));
        return page;
    }

    private static async Task<FakeBambuPrinter> StartPrinterAsync(Action<FakeBambuPrinterOptions> configure)
    {
        var options = new FakeBambuPrinterOptions
        {
            Serial = "01P00A" + Random.Shared.Next(100000000, 999999999),
            AccessCode = "13572468",
            StorageDirectory = Directory.CreateTempSubdirectory("makershop-browser-bambu-").FullName,
        };
        configure(options);
        var printer = new FakeBambuPrinter(options, TimeProvider.System);
        await printer.StartAsync();
        return printer;
    }
}
