using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class QuoteBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_visitor_uploads_a_corpus_model_previews_it_and_gets_a_quote_in_their_currency_with_its_metrics()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "fr-CH,fr;q=0.9");
        await page.GotoAsync("/quote");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Imprimer votre modèle");

        // The corpus's 20 mm box (ASCII STL with CR line ends, 12 triangles in the MANIFEST).
        await page.SetInputFilesAsync("input[name=file]", Path.Combine(Corpus.Directory, "prusaslicer_20mmbox_cr.stl"));
        await Assertions.Expect(page.Locator("[data-local-preview] canvas")).ToHaveAttributeAsync("data-rendered", "12", new() { Timeout = 30_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "quote-01-local-preview");
        await page.ClickAsync("[data-testid=quote-submit]");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/quotes/"), new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=price]")).ToHaveTextAsync(new Regex(@"^\d+,\d{2}\s+CHF$"));
        await Assertions.Expect(page.Locator("[data-testid=triangles]")).ToHaveTextAsync("12");
        // A 20 mm box goes to the smallest machine of the fleet, and the page says which one the price is for.
        await Assertions.Expect(page.Locator("[data-testid=printer-model]")).ToHaveTextAsync("plateau de 250 × 210 × 210 mm, buse de 0,4 mm");
        await Assertions.Expect(page.Locator("[data-testid=preview] canvas")).ToHaveAttributeAsync("data-rendered", "12", new() { Timeout = 30_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "quote-02-quote");
    }

    [Fact]
    public async Task A_broken_model_gets_a_readable_message_and_nothing_is_kept()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/quote");
        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = "broken.stl", MimeType = "application/octet-stream", Buffer = new byte[100] });
        await page.ClickAsync("[data-testid=quote-submit]");
        await Assertions.Expect(page.Locator("[data-testid=quote-error]")).Not.ToBeEmptyAsync();
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM models"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM quotes"));
    }
}
