using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class StorefrontCatalogBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>, IAsyncLifetime
{
    private TestShop shop = null!;

    public async Task InitializeAsync() => shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());

    public async Task DisposeAsync() => await shop.DisposeAsync();

    [Fact]
    public async Task A_visitor_switches_to_french_and_swiss_francs_and_the_catalog_follows()
    {
        // A browser set to American English first sees dollars: 4.50 EUR at 1.0412 USD per euro.
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-US,en;q=0.8");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Printed to order, shipped worldwide");
        var cube = page.Locator("[data-product=calibration-cube] [data-testid=price]");
        await Assertions.Expect(cube).ToHaveTextAsync("US$4.69");
        await ChromiumBrowser.ScreenshotAsync(page, "storefront-01-catalog-en-usd");

        // With JavaScript on, choosing in the selects submits the preferences form by itself.
        await page.SelectOptionAsync("select[name=culture]", "fr");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.SelectOptionAsync("select[name=currency]", "CHF");
        await Assertions.Expect(cube).ToHaveTextAsync(new Regex(@"^4,20\s+CHF$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Imprimé à la commande, livré partout dans le monde");
        await ChromiumBrowser.ScreenshotAsync(page, "storefront-02-catalog-fr-chf");

        // The choice is remembered on the next page.
        await page.ClickAsync("text=Calibration cube");
        await Assertions.Expect(page.Locator("[data-testid=price]")).ToHaveTextAsync(new Regex(@"^4,20\s+CHF$"));
        await Assertions.Expect(page.Locator("[data-testid=ships-by]")).ToContainTextAsync("Expédié d'ici le");
    }

    [Fact]
    public async Task The_product_page_draws_the_parts_toolpath_in_3d()
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!);
        await page.GotoAsync("/products/planter-box");
        var canvas = page.Locator("[data-testid=preview] canvas");
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-rendered", new Regex(@"^[1-9]\d*$"), new() { Timeout = 30_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "storefront-03-product-preview");

        // Something was drawn: the canvas is not one flat colour.
        var distinctColours = await canvas.EvaluateAsync<int>(
            """
            c => {
                const probe = document.createElement('canvas');
                probe.width = c.width; probe.height = c.height;
                const g = probe.getContext('2d');
                g.drawImage(c, 0, 0);
                const data = g.getImageData(0, 0, probe.width, probe.height).data;
                const seen = new Set();
                for (let i = 0; i < data.length; i += 4 * 97) seen.add(data[i] << 16 | data[i + 1] << 8 | data[i + 2]);
                return seen.size;
            }
            """);
        Assert.True(distinctColours > 2, $"The preview canvas holds {distinctColours} colours; the toolpath was not drawn.");
    }

    [Fact]
    public async Task The_catalog_works_without_javascript()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = shop.Http.BaseAddress!.ToString(),
            JavaScriptEnabled = false,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "en" },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.SelectOptionAsync("select[name=currency]", "JPY");
        await page.ClickAsync("form.preferences button[type=submit]");
        // 4.50 EUR at 161.27 JPY per euro, in whole yen.
        await Assertions.Expect(page.Locator("[data-product=calibration-cube] [data-testid=price]")).ToHaveTextAsync("¥726");
        await ChromiumBrowser.ScreenshotAsync(page, "storefront-04-no-javascript-jpy");
    }
}
