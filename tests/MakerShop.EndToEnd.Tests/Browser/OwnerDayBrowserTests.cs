using System.Text.RegularExpressions;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Payments;
using MakerShop.Shipping.Tests.Fakes;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// A whole owner day in the browser, against the real host and its demo fleet, with no API call and no command after
/// the host starts: the set-up link from the console creates the owner, the owner enters the shop's bank account, a
/// Swiss customer pays by transfer, the bank statement's import confirms it, the fleet page shows the part printing,
/// the fulfilment desk labels the parcel and gives its customs documents, and the carrier's tracking says delivered.
/// The bank's statement is a file the owner downloads from the bank, and the tracking update is the carrier's own
/// signed webhook: they are the world outside the shop, not the owner's tools.
/// </summary>
public sealed class OwnerDayBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "olivia@makershop.example";
    private const string OwnerPassword = "the owner's own long passphrase";
    private const string Iban = "FR14 2004 1010 0505 0001 3M02 606";
    private const string EasyPostKey = "EZTK_owner_day";
    private const string WebhookSecret = "owner-day-webhook-secret";
    private static readonly LocatorAssertionsToBeVisibleOptions Long = new() { Timeout = 120_000 };

    [Fact]
    public async Task The_owner_runs_a_whole_day_from_first_start_to_a_delivered_parcel_only_in_the_browser()
    {
        // EasyPost is the one piece that cannot run here: a fake built from its documented payloads sells the label.
        await using var easyPost = new FakeEasyPost(EasyPostKey);
        await easyPost.StartAsync();
        // The demo fleet prints 20 times faster than life, so the cube is seen printing for a while and is done in minutes.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                "--MakerShop:Payments:ConfirmOnPlacement=false",
                "--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=4", "--MakerShop:Demo:Fleet:TimeScale=20",
                $"--MakerShop:Shipping:EasyPost:BaseUrl={easyPost.BaseAddress}",
                $"--MakerShop:Shipping:EasyPost:ApiKey={EasyPostKey}",
                $"--MakerShop:Shipping:EasyPost:WebhookSecret={WebhookSecret}",
            ],
        });

        var owner = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-GB,en;q=0.9");
        await FirstRunAsync(shop, owner);
        await BankAccountAsync(owner);
        var (customer, reference, amount) = await CustomerPaysByTransferAsync(shop);
        await StatementImportAsync(owner, reference, amount);
        await FleetShowsItPrintingAsync(owner);
        await FulfilmentDeskAsync(shop, easyPost, owner);
        await CustomerSeesDeliveredAsync(customer);
    }

    private static async Task FirstRunAsync(TestShop shop, IPage owner)
    {
        // The owner copies the link the shop printed on its console at start.
        var link = await OwnerSetupLink.ReadAsync(shop);
        await owner.GotoAsync(link.ToString());
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Set up your shop");
        await owner.FillAsync("[data-testid=setup-name]", "Olivia Martin");
        await owner.FillAsync("[data-testid=setup-email]", OwnerEmail);
        await owner.FillAsync("[data-testid=setup-password]", OwnerPassword);
        await owner.FillAsync("[data-testid=setup-confirm]", OwnerPassword);
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-01-first-run-set-up");
        await owner.ClickAsync("[data-testid=setup-submit]");
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/admin$"));
        await Assertions.Expect(owner.Locator("[data-testid=no-bank-account]")).ToBeVisibleAsync();
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-02-dashboard-first-look");
    }

    private static async Task BankAccountAsync(IPage owner)
    {
        await owner.GotoAsync("/admin/settings");
        var form = owner.Locator("[data-testid=account-form-new]");
        await form.Locator("select[name=currency]").SelectOptionAsync("EUR");
        await form.Locator("input[name=holder]").FillAsync("Atelier Olivia");
        await form.Locator("input[name=iban]").FillAsync(Iban);
        await form.Locator("input[name=bic]").FillAsync("PSSTFRPPPAR");
        await form.Locator("input[name=bankName]").FillAsync("La Banque Postale");
        await form.Locator("[data-action=save-account]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("The EUR account was saved.");
        await owner.Locator("#bank-accounts").ScrollIntoViewIfNeededAsync();
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-03-bank-account");
    }

    private async Task<(IPage Customer, string Reference, decimal Amount)> CustomerPaysByTransferAsync(TestShop shop)
    {
        // A customer in Zürich pays in euros: the parcel leaves France for Switzerland, so it needs customs papers.
        var customer = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-CH,en;q=0.9");
        await customer.GotoAsync("/products/calibration-cube");
        await customer.SelectOptionAsync("select[name=currency]", "EUR");
        await Assertions.Expect(customer.Locator("select[name=currency]")).ToHaveValueAsync("EUR");
        await customer.ClickAsync("[data-testid=add-to-cart] [data-testid=add]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/cart$"));
        await customer.ClickAsync("[data-testid=checkout]");
        await customer.FillAsync("[data-testid=field-Name]", "Lukas Meier");
        await customer.FillAsync("[data-testid=field-Email]", "lukas@example.ch");
        await customer.FillAsync("[data-testid=field-Line1]", "Bahnhofstrasse 1");
        await customer.FillAsync("[data-testid=field-PostalCode]", "8001");
        await customer.FillAsync("[data-testid=field-City]", "Zürich");
        await customer.SelectOptionAsync("[data-testid=field-Country]", "CH");
        await Assertions.Expect(customer.Locator("[data-testid=total]")).ToHaveAttributeAsync("data-currency", "EUR");
        await ChromiumBrowser.ScreenshotAsync(customer, "owner-day-04-customer-checkout");
        await customer.ClickAsync("[data-testid=place-order]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/checkout/done/"));
        await Assertions.Expect(customer.Locator("[data-testid=confirmation]")).ToHaveAttributeAsync("data-number", new Regex(@"^MS-\d+$"));
        await Assertions.Expect(customer.Locator("[data-testid=iban]")).ToHaveTextAsync(Iban);
        await Assertions.Expect(customer.Locator("[data-testid=payment-qr] svg")).ToBeVisibleAsync();
        var reference = await customer.Locator("[data-testid=reference]").InnerTextAsync();
        var orderId = await customer.Locator("[data-testid=confirmation]").GetAttributeAsync("data-order");
        // The amount the bank will credit, read as the bank would see it: what the customer was asked to transfer.
        var amount = await shop.CountAsync($"SELECT amount_minor FROM payments WHERE order_id = '{orderId}'") / 100m;
        await Assertions.Expect(customer.Locator("[data-testid=transfer-amount]")).ToContainTextAsync(amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await ChromiumBrowser.ScreenshotAsync(customer, "owner-day-05-customer-bank-details");
        return (customer, reference, amount);
    }

    private static async Task StatementImportAsync(IPage owner, string reference, decimal amount)
    {
        // The dashboard says what to do now: one payment to confirm, and it leads there.
        await owner.GotoAsync("/admin");
        var payments = owner.Locator("[data-testid=todo] [data-card=payments]");
        await Assertions.Expect(payments).ToHaveAttributeAsync("data-count", "1");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-06-dashboard-payment-waiting");
        await payments.Locator("a").ClickAsync();
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/admin/payments$"));
        await Assertions.Expect(owner.Locator($"[data-testid=pending] tr[data-reference='{reference}']")).ToContainTextAsync("Lukas Meier");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-07-payments-to-confirm");
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.xml");
        await File.WriteAllTextAsync(file, CamtFiles.Statement053(
            Iban.Replace(" ", "", StringComparison.Ordinal),
            new CamtFiles.Credit("LBP-20261207-0042", amount, "EUR", "Lukas Meier", $"Order {reference} thanks")));
        try
        {
            await owner.ClickAsync("[data-testid=import-link]");
            await owner.SetInputFilesAsync("input[name=statement]", file);
            await owner.ClickAsync("[data-action=import]");
            await Assertions.Expect(owner.Locator("[data-testid=exact]")).ToContainTextAsync(reference);
            await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-08-statement-matched");
            await owner.ClickAsync("[data-action=confirm-all]");
            await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("1 payment(s) confirmed");
            await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-09-payment-confirmed");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task FleetShowsItPrintingAsync(IPage owner)
    {
        await owner.GotoAsync("/admin/printers");
        var card = owner.Locator("[data-testid=fleet] li.fleet-card[data-status=Busy]", new() { HasText = "Calibration cube" });
        await Assertions.Expect(card).ToBeVisibleAsync(Long);
        await Assertions.Expect(card.Locator(".state")).ToHaveTextAsync("Printing");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-10-fleet-printing");
    }

    private static async Task FulfilmentDeskAsync(TestShop shop, FakeEasyPost easyPost, IPage owner)
    {
        // Printed: the dashboard's parcels card leads to the desk, where the cube waits to be packed.
        var parcels = owner.Locator("[data-testid=todo] [data-card=parcels]");
        await Eventually.UntilAsync(async () =>
        {
            await owner.GotoAsync("/admin");
            return await parcels.GetAttributeAsync("data-count") == "1";
        }, TimeSpan.FromMinutes(4), "the printed cube never became a parcel to ship");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-11-dashboard-parcel-to-ship");
        await parcels.Locator("a").ClickAsync();
        await Assertions.Expect(owner).ToHaveURLAsync(new Regex("/admin/shipping$"));
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-12-desk-ready");
        var row = owner.Locator("[data-testid=desk] tr[data-status=Draft]", new() { HasText = "Lukas Meier" });
        // Printed in France or in Germany, whichever printer the scheduler chose: either way the parcel crosses a border.
        await Assertions.Expect(row).ToContainTextAsync(new Regex("(France|Germany) → Switzerland"));
        await Assertions.Expect(row).ToContainTextAsync(new Regex(@"MS-\d+"));

        await row.Locator("[data-testid=open-shipment]").ClickAsync();
        await Assertions.Expect(owner.Locator("h1")).ToHaveTextAsync("Parcel for Lukas Meier");
        var origin = (await owner.Locator("[data-testid=origin]").InnerTextAsync()).Trim();
        var box = owner.Locator("[data-testid=parcels-form]");
        await box.Locator("input[name=weight]").FillAsync("180");
        await box.Locator("input[name=length]").FillAsync("120");
        await box.Locator("input[name=width]").FillAsync("100");
        await box.Locator("input[name=height]").FillAsync("80");
        await box.Locator("[data-action=save-parcels]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("Weights and sizes saved");
        var rates = owner.Locator("[data-testid=rates]");
        await Assertions.Expect(rates.Locator("tr[data-source=easypost]", new() { HasText = "Priority Mail International" })).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-13-parcel-and-rates");

        await rates.Locator("tr[data-source=easypost]", new() { HasText = "Priority Mail International" }).Locator("[data-action=buy]").ClickAsync();
        await Assertions.Expect(owner.Locator("[data-testid=notice]")).ToContainTextAsync("Label bought");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-14-labelled");
        Assert.Contains("TRACKING #", await PdfDownloads.DownloadTextAsync(owner, "[data-document=label]"), StringComparison.Ordinal);
        var customs = await PdfDownloads.DownloadTextAsync(owner, "[data-document=customs]");
        Assert.Contains("CN 22", customs, StringComparison.Ordinal);
        Assert.Contains(origin + " (", customs, StringComparison.Ordinal);
        // The checkout told the customer the shop pays the duties (DDP): the papers must say the same.
        Assert.Contains("Incoterm: DDP", customs, StringComparison.Ordinal);
        Assert.Contains("Switzerland (CH)", customs, StringComparison.Ordinal);
        var invoice = await PdfDownloads.DownloadTextAsync(owner, "[data-document=invoice]");
        Assert.Contains("COMMERCIAL INVOICE", invoice, StringComparison.Ordinal);
        Assert.Contains("Calibration cube", invoice, StringComparison.Ordinal);

        await owner.ClickAsync("[data-action=hand-over]");
        await Assertions.Expect(owner.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Handed over to the carrier");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-15-handed-over");

        // The carrier scans it on its way and at the door; EasyPost tells the shop with its signed webhooks.
        var trackerId = Assert.Single(easyPost.TrackerIds);
        var webhook = new Uri(shop.Http.BaseAddress!, "/webhooks/easypost");
        var t0 = DateTimeOffset.UtcNow;
        using (var carrier = shop.Anonymous())
        {
            using var moving = await easyPost.PushTrackerUpdateAsync(carrier, webhook, WebhookSecret, trackerId, "in_transit", t0.AddHours(2));
            Assert.Equal(System.Net.HttpStatusCode.OK, moving.StatusCode);
            using var delivered = await easyPost.PushTrackerUpdateAsync(carrier, webhook, WebhookSecret, trackerId, "delivered", t0.AddHours(40));
            Assert.Equal(System.Net.HttpStatusCode.OK, delivered.StatusCode);
        }

        await owner.ReloadAsync();
        await Assertions.Expect(owner.Locator("[data-testid=shipment-status]")).ToHaveTextAsync("Delivered");
        await Assertions.Expect(owner.Locator("[data-testid=timeline] li").Nth(0).Locator(".scan-status")).ToHaveTextAsync("Delivered");
        await ChromiumBrowser.ScreenshotAsync(owner, "owner-day-16-tracking-delivered");
    }

    private static async Task CustomerSeesDeliveredAsync(IPage customer)
    {
        await customer.ClickAsync("[data-testid=order-link]");
        await Assertions.Expect(customer.Locator("[data-testid=order-status]")).ToHaveAttributeAsync("data-status", "Delivered");
        await ChromiumBrowser.ScreenshotAsync(customer, "owner-day-17-customer-order-delivered");
    }
}
