using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Shipping.Tests.Fakes;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// The fulfilment desk, in the browser only: a customer's planter box, printed by the demo fleet's PETG printer in
/// Germany for a customer in Switzerland, appears on the desk; the owner weighs the box (which turns the CN 22 into a
/// CN 23), compares rates, buys an EasyPost label (a fake built from EasyPost's documented payloads), downloads the
/// label and the customs papers, marks the parcel handed over and prints the day's bundle; EasyPost's signed tracker
/// webhooks then show it delivered on the timeline, in English and in French, on a phone too.
/// </summary>
public sealed class FulfilmentDeskBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private const string EasyPostKey = "EZTK_desk";

    /// <summary>The host's EasyPost webhook secret, given to it by the test's settings (non-ASCII on purpose: EasyPost keys with NFKD).</summary>
    private const string WebhookSecret = "desk-wébhook-secret";

    [Fact]
    public async Task The_owner_labels_a_parcel_made_in_Germany_downloads_its_papers_and_sees_it_delivered()
    {
        await using var easyPost = new FakeEasyPost(EasyPostKey);
        await easyPost.StartAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=4", $"--MakerShop:Demo:Fleet:TimeScale={TestFleet.TimeScale}",
                $"--MakerShop:Shipping:EasyPost:BaseUrl={easyPost.BaseAddress}",
                $"--MakerShop:Shipping:EasyPost:ApiKey={EasyPostKey}",
                $"--MakerShop:Shipping:EasyPost:WebhookSecret={WebhookSecret}",
            ],
        });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var page = await SignedInAsync(shop, "en-GB,en;q=0.9");
        await page.ClickAsync("[data-testid=nav-shipping]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/shipping$"));
        await Assertions.Expect(page.Locator("[data-testid=desk-empty]")).ToContainTextAsync("Nothing to ship right now");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-01-empty");

        // A customer in Geneva orders the orange PETG planter; only the demo printer in Germany holds that filament.
        using (var customer = shop.Anonymous())
        {
            var order = ShopApi.OrderBody("planter-box", material: "PETG", colour: "orange");
            order["customer"]!["name"] = "Grace Hopper";
            order["shippingAddress"] = new System.Text.Json.Nodes.JsonObject
            {
                ["name"] = "Grace Hopper", ["line1"] = "Rue du Rhône 1", ["city"] = "Genève", ["postalCode"] = "1204", ["countryCode"] = "CH",
            };
            await ShopApi.PlaceOrderAsync(customer, order);
        }

        var row = page.Locator("[data-testid=desk] tr[data-status=Draft]", new() { HasText = "Grace Hopper" });
        await Eventually.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await row.CountAsync() == 1;
        }, TimeSpan.FromMinutes(3), "the printed planter box never reached the desk");
        await Assertions.Expect(row).ToContainTextAsync("Germany → Switzerland");
        await Assertions.Expect(row).ToContainTextAsync("Customs papers needed");
        await Assertions.Expect(page.Locator("[data-tab=Ready] .figure")).ToHaveTextAsync("1");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-02-ready-to-ship");

        await row.Locator("[data-testid=open-shipment]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Parcel for Grace Hopper");
        await Assertions.Expect(page.Locator("[data-testid=origin]")).ToHaveTextAsync("Germany");
        await Assertions.Expect(page.Locator("[data-testid=customs-form]")).ToContainTextAsync("CN 22");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-03-shipment");

        // A box lighter than the part inside is refused in words; the real weight (over 2 kg with its packing) is kept
        // and turns the CN 22 into a CN 23, as the UPU rule says.
        var parcels = page.Locator("[data-testid=parcels-form]");
        await parcels.Locator("input[name=weight]").FillAsync("1");
        await parcels.Locator("[data-action=save-parcels]").ClickAsync();
        await Assertions.Expect(parcels.Locator("[data-problem=weight]")).ToContainTextAsync("cannot weigh less than the parts inside it");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-04-parcel-too-light");
        await parcels.Locator("input[name=weight]").FillAsync("2400");
        await parcels.Locator("input[name=length]").FillAsync("300");
        await parcels.Locator("input[name=width]").FillAsync("250");
        await parcels.Locator("input[name=height]").FillAsync("150");
        await parcels.Locator("[data-action=save-parcels]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Weights and sizes saved");
        await Assertions.Expect(page.Locator("[data-testid=parcels] input[name=weight]")).ToHaveValueAsync("2400");
        await Assertions.Expect(page.Locator("[data-testid=customs-form]")).ToContainTextAsync("CN 23");

        // Rates side by side: the shop's own table and EasyPost's live rates, carriers and services in words.
        var rates = page.Locator("[data-testid=rates]");
        await Assertions.Expect(rates.Locator("tr[data-source=rate-table]", new() { HasText = "La Poste Colissimo International" })).ToHaveCountAsync(1);
        await Assertions.Expect(rates.Locator("tr[data-source=easypost]", new() { HasText = "Priority Mail International" })).ToHaveCountAsync(1);
        await Assertions.Expect(rates).Not.ToContainTextAsync("colissimo ");
        await Assertions.Expect(rates).Not.ToContainTextAsync("PriorityMailInternational");
        await rates.ScrollIntoViewIfNeededAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "desk-05-parcel-saved-rates");

        // A typed number with a wrong check digit is refused; nothing is labelled.
        var tracking = page.Locator("[data-testid=tracking-form]");
        await tracking.Locator("select[name=carrier]").SelectOptionAsync("colissimo");
        await tracking.Locator("input[name=trackingNumber]").FillAsync("CC473124828DE");
        await tracking.Locator("[data-action=save-tracking]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-problem=trackingNumber]")).ToContainTextAsync("fails the carrier's check digit");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-06-tracking-typo");

        // The owner buys the USPS label through EasyPost.
        await rates.Locator("tr[data-source=easypost]", new() { HasText = "Priority Mail International" }).Locator("[data-action=buy]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Label bought");
        await Assertions.Expect(page.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Labelled, waiting for the carrier");
        await Assertions.Expect(page.Locator("[data-testid=label]")).ToContainTextAsync("USPS");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-07-labelled");

        var label = await PdfDownloads.DownloadTextAsync(page, "[data-document=label]");
        Assert.Contains("TRACKING #", label, StringComparison.Ordinal);
        var cn23 = await PdfDownloads.DownloadTextAsync(page, "[data-document=customs]");
        Assert.Contains("CUSTOMS DECLARATION CN 23", cn23, StringComparison.Ordinal);
        Assert.Contains("Germany (DE)", cn23, StringComparison.Ordinal);
        Assert.DoesNotContain("Lyon", cn23, StringComparison.Ordinal);
        Assert.Contains("Switzerland (CH)", cn23, StringComparison.Ordinal);
        Assert.Contains("/ DE", cn23, StringComparison.Ordinal);
        Assert.Contains("Total gross weight: 2.400 kg", cn23, StringComparison.Ordinal);
        var invoice = await PdfDownloads.DownloadTextAsync(page, "[data-document=invoice]");
        Assert.Contains("COMMERCIAL INVOICE", invoice, StringComparison.Ordinal);
        Assert.Contains("Square planter box", invoice, StringComparison.Ordinal);

        // Handed over to the carrier: it leaves the "labelled" list for "on the way".
        await page.ClickAsync("[data-action=hand-over]");
        await Assertions.Expect(page.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Handed over to the carrier");
        await Assertions.Expect(page.Locator("[data-testid=handed-over]")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(page, "desk-08-handed-over");

        await page.ClickAsync("[data-testid=back-to-desk]");
        await Assertions.Expect(page.Locator("[data-tab=InTransit] .figure")).ToHaveTextAsync("1");
        var bundle = await PdfDownloads.DownloadAsync(page, "[data-testid=print-today]");
        using (var pdf = PdfDocument.Open(bundle))
        {
            var pages = pdf.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text))).ToList();
            Assert.Equal(3, pages.Count);
            Assert.Contains("TRACKING #", pages[0], StringComparison.Ordinal);
            Assert.Contains("CUSTOMS DECLARATION CN 23", pages[1], StringComparison.Ordinal);
            Assert.Contains("COMMERCIAL INVOICE", pages[2], StringComparison.Ordinal);
        }

        // The carrier's scans arrive as EasyPost sends them: tracker.updated Events signed with the webhook secret.
        var trackerId = Assert.Single(easyPost.TrackerIds);
        var webhook = new Uri(shop.Http.BaseAddress!, "/webhooks/easypost");
        var t0 = DateTimeOffset.UtcNow;
        using (var carrier = shop.Anonymous())
        {
            using var moving = await easyPost.PushTrackerUpdateAsync(carrier, webhook, WebhookSecret, trackerId, "in_transit", t0.AddHours(1));
            Assert.Equal(System.Net.HttpStatusCode.OK, moving.StatusCode);
            using var delivered = await easyPost.PushTrackerUpdateAsync(carrier, webhook, WebhookSecret, trackerId, "delivered", t0.AddHours(30));
            Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        }

        await page.ClickAsync("[data-tab=Delivered]");
        var done = page.Locator("[data-testid=desk] tr[data-status=Delivered]", new() { HasText = "Grace Hopper" });
        await Assertions.Expect(done).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "desk-09-delivered-tab");
        await done.Locator("[data-testid=open-shipment]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Delivered");
        var timeline = page.Locator("[data-testid=timeline] li");
        await Assertions.Expect(timeline).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Nth(0).Locator(".scan-status")).ToHaveTextAsync("Delivered");
        await Assertions.Expect(timeline.Nth(1).Locator(".scan-status")).ToHaveTextAsync("On the way");
        await Assertions.Expect(timeline.Nth(0).Locator("time")).ToHaveTextAsync(new Regex("UTC$"));
        await ChromiumBrowser.ScreenshotAsync(page, "desk-10-delivered-timeline");
        var shipmentUrl = page.Url;

        // On a phone the page stays inside the screen.
        await page.SetViewportSizeAsync(390, 844);
        await ChromiumBrowser.ScreenshotAsync(page, "desk-11-shipment-phone-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The shipment page is wider than a 390 px phone.");
        await page.GotoAsync("/admin/shipping?tab=Delivered");
        await ChromiumBrowser.ScreenshotAsync(page, "desk-12-desk-phone-390");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The desk is wider than a 390 px phone.");

        // In French.
        var french = await SignedInAsync(shop, "fr-FR,fr;q=0.9");
        await french.GotoAsync(shipmentUrl);
        await Assertions.Expect(french.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Livré");
        await Assertions.Expect(french.Locator("[data-testid=timeline] li").Nth(1).Locator(".scan-status")).ToHaveTextAsync("En route");
        await Assertions.Expect(french.Locator("h1")).ToHaveTextAsync("Colis pour Grace Hopper");
        await ChromiumBrowser.ScreenshotAsync(french, "desk-13-shipment-french");
    }

    private async Task<IPage> SignedInAsync(TestShop shop, string language)
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language);
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        return page;
    }
}
