using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class CheckoutBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_visitor_in_french_and_francs_orders_an_uploaded_model_to_germany_by_bank_transfer_and_watches_it_print()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-GB,en;q=0.9");

        // Language and currency from the header's switch (each select submits its form by itself).
        await page.GotoAsync("/");
        await page.SelectOptionAsync("select[name=culture]", "fr");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await page.SelectOptionAsync("select[name=currency]", "CHF");
        await Assertions.Expect(page.Locator("select[name=currency]")).ToHaveValueAsync("CHF");
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-01-french-chf");

        // The corpus's 20 mm box, quoted from a real slice.
        await page.GotoAsync("/quote");
        await page.SetInputFilesAsync("input[name=file]", Path.Combine(Corpus.Directory, "prusaslicer_20mmbox_cr.stl"));
        await page.ClickAsync("[data-testid=quote-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/quotes/"), new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=price]")).ToHaveTextAsync(new Regex(@"^\d+,\d{2}\s+CHF$"));
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-02-quote");

        await page.ClickAsync("[data-testid=add-to-cart] [data-testid=add]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/cart$"));
        await Assertions.Expect(page.Locator("[data-testid=cart-line]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=subtotal]")).ToHaveTextAsync(new Regex(@"CHF$"));
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-03-cart");

        // Checkout to Germany: choosing the country recomputes shipping and tax by itself (a British visitor's first
        // guess, Great Britain, is refused by the tax rules: the shop holds no UK VAT number).
        await page.ClickAsync("[data-testid=checkout]");
        await Assertions.Expect(page.Locator("[data-testid=destination-refused]")).ToBeVisibleAsync();
        await page.FillAsync("[data-testid=field-Name]", "Ada Muster");
        await page.FillAsync("[data-testid=field-Email]", "ada@example.com");
        await page.FillAsync("[data-testid=field-Line1]", "Hauptstraße 1");
        await page.FillAsync("[data-testid=field-PostalCode]", "10115");
        await page.FillAsync("[data-testid=field-City]", "Berlin");
        await page.SelectOptionAsync("[data-testid=field-Country]", "DE");
        await Assertions.Expect(page.Locator("[data-testid=summary]")).ToContainTextAsync("TVA 19 % (Allemagne)");
        await Assertions.Expect(page.Locator("[data-testid=incoterm]")).ToHaveAttributeAsync("data-incoterm", "None");
        await Assertions.Expect(page.Locator("[data-testid=total]")).ToHaveAttributeAsync("data-currency", "CHF");
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-04-checkout");
        var total = long.Parse(await page.Locator("[data-testid=total]").GetAttributeAsync("data-minor") ?? "", CultureInfo.InvariantCulture);

        await page.ClickAsync("[data-testid=place-order]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/checkout/done/ord_"));
        await Assertions.Expect(page.Locator("[data-testid=charged-total]")).ToHaveAttributeAsync("data-minor", total.ToString(CultureInfo.InvariantCulture));
        var reference = await page.Locator("[data-testid=reference]").InnerTextAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-05-confirmation");

        // The private link opens the order page, which waits for the money.
        await page.ClickAsync("[data-testid=order-link]");
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Placed");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-06-order-placed");

        // The owner sees the transfer on the statement and confirms it, in francs as charged.
        var confirmed = await page.Context.APIRequest.PostAsync($"/api/payments/bank-transfers/{reference}/confirm", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { [MakerShop.Web.Payments.OwnerKeyOptions.HeaderName] = TestShopSettings.OwnerKey },
            DataObject = new { amount = total / 100m, currency = "CHF", note = "statement line 1" },
        });
        Assert.Equal(200, confirmed.Status);

        // The page follows by itself: paid, then the part printing on the demo fleet, then printed.
        await Assertions.Expect(page.Locator("[data-testid=milestones] li[data-kind=Paid]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=parts] li").First).Not.ToHaveAttributeAsync("data-phase", "Waiting", new() { Timeout = 60_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-07-order-in-production");
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Produced", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-testid=parts] li[data-phase=Printed]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-08-order-printed");

        // The owner labels the parcel; its carrier and tracking number appear on the open page.
        var owner = new Dictionary<string, string> { [MakerShop.Web.Payments.OwnerKeyOptions.HeaderName] = TestShopSettings.OwnerKey };
        var orderId = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        var order = await (await page.Context.APIRequest.GetAsync($"/api/orders/{orderId}", new() { Headers = owner })).JsonAsync();
        var shipmentId = order!.Value.GetProperty("shipment").GetProperty("id").GetString();
        var labelled = await page.Context.APIRequest.PostAsync($"/api/shipments/{shipmentId}/label", new()
        {
            Headers = owner,
            DataObject = new { carrier = "ups", trackingNumber = "1Z999AA10123456784" },
        });
        Assert.Equal(200, labelled.Status);
        await Assertions.Expect(page.Locator("[data-testid=carrier]")).ToContainTextAsync("1Z999AA10123456784", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=milestones] li[data-kind=Shipped]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "checkout-09-order-shipped");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
    }
}
