using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>
/// The owner's dashboard against the real host and the demo fleet: quiet cards and chart placeholders on a new shop,
/// then a customer's bank transfer on the "payments to confirm" card (linking to the page where it is confirmed), and
/// once paid and printed, a parcel to ship and the three charts drawn from the real orders and jobs, on a desktop and
/// a 390 px phone. The owner's printer page draws its temperature chart over one hour, however few samples it has.
/// </summary>
public sealed class DashboardBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private static readonly LocatorAssertionsToHaveAttributeOptions Long = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_dashboard_counts_a_transfer_to_confirm_then_a_parcel_to_ship_and_charts_the_printed_order()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Payments:ConfirmOnPlacement=false", "--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=4"],
        });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-GB,en;q=0.9");
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        // A new shop: every card says there is nothing to do, quietly, and each chart says what it will show.
        var todo = page.Locator("[data-testid=todo]");
        await Assertions.Expect(todo.Locator("> li.todo-card")).ToHaveCountAsync(6);
        await Assertions.Expect(todo.Locator("> li.todo-card.work")).ToHaveCountAsync(0);
        await Assertions.Expect(Card(page, "payments")).ToContainTextAsync("Nothing to confirm");
        await Assertions.Expect(page.Locator("[data-testid=sales-empty]")).ToContainTextAsync("No orders in the last 30 days");
        await Assertions.Expect(page.Locator("[data-testid=on-time-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=utilisation-empty]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=chart-note]")).ToContainTextAsync("UTC");
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-01-new-shop-nothing-to-do");

        // A customer checks out by bank transfer (the default): one payment to confirm, highlighted, linking to its page.
        var customer = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-IE,en;q=0.9");
        await customer.GotoAsync("/products/calibration-cube");
        await customer.SelectOptionAsync("select[name=currency]", "EUR");
        await Assertions.Expect(customer.Locator("select[name=currency]")).ToHaveValueAsync("EUR");
        await customer.ClickAsync("[data-testid=add-to-cart] [data-testid=add]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/cart$"));
        await customer.ClickAsync("[data-testid=checkout]");
        await customer.FillAsync("[data-testid=field-Name]", "Jean Dupont");
        await customer.FillAsync("[data-testid=field-Email]", "jean@example.com");
        await customer.FillAsync("[data-testid=field-Line1]", "12 rue de la Paix");
        await customer.FillAsync("[data-testid=field-PostalCode]", "75002");
        await customer.FillAsync("[data-testid=field-City]", "Paris");
        await customer.SelectOptionAsync("[data-testid=field-Country]", "FR");
        await customer.ClickAsync("[data-testid=place-order]");
        await Assertions.Expect(customer).ToHaveURLAsync(new Regex("/checkout/done/ord_"));
        var orderId = Regex.Match(customer.Url, "ord_[A-Za-z0-9_]+").Value;
        var reference = await shop.TextAsync($"SELECT reference FROM payments WHERE order_id = '{orderId}'");
        Assert.NotNull(reference);

        // Two more orders through the API, not paid: they count as orders on the chart, not as revenue.
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube"));
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("cable-organiser"));

        await page.ReloadAsync();
        var payments = Card(page, "payments");
        await Assertions.Expect(payments).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(payments).ToHaveClassAsync(new Regex(@"\bwork\b"));
        await Assertions.Expect(payments.Locator(".count")).ToHaveTextAsync("1");
        await Assertions.Expect(payments.Locator("> a")).ToHaveAttributeAsync("href", "/admin/payments");
        await Assertions.Expect(page.Locator("[data-testid=sales-summary]")).ToContainTextAsync("3 order(s)");
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-02-one-transfer-to-confirm");
        await payments.Locator("> a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/payments$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(reference!);
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-03-payments-page-from-the-card");

        // The money arrives: the owner marks it received on that page; the demo fleet prints the cube and drafts its parcel.
        await page.Locator($"[data-testid=pending] tr[data-reference='{reference}'] [data-action=received]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToBeVisibleAsync();
        Assert.Contains(await shop.TextAsync($"SELECT status FROM orders WHERE id = '{orderId}'"), new[] { "Paid", "InProduction", "Produced" });
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM payments WHERE status = 'Pending'"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", TimeSpan.FromMinutes(3));

        await page.GotoAsync("/admin");
        await Assertions.Expect(Card(page, "payments")).ToHaveAttributeAsync("data-count", "0");
        await Assertions.Expect(Card(page, "payments")).ToHaveClassAsync(new Regex(@"\bquiet\b"));
        var parcels = Card(page, "parcels");
        await Assertions.Expect(parcels).ToHaveAttributeAsync("data-count", "1");
        await Assertions.Expect(parcels).ToHaveClassAsync(new Regex(@"\bwork\b"));
        await Assertions.Expect(parcels.Locator("> a")).ToHaveAttributeAsync("href", "/admin/shipping");
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM shipments WHERE status = 'Draft'"));

        // Each chart is drawn (a canvas) from a non-empty series, with the figures in a table beside it.
        foreach (var kind in new[] { "sales", "onTime", "utilisation" })
        {
            var box = page.Locator($"[data-dash-chart={kind}]");
            await Assertions.Expect(box).ToHaveAttributeAsync("data-rendered", "true", Long);
            await Assertions.Expect(box.Locator("canvas")).ToHaveCountAsync(1);
            Assert.True(int.Parse(await box.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture) > 0, $"the {kind} chart has no data");
        }

        await Assertions.Expect(page.Locator("[data-testid=on-time-summary]")).ToContainTextAsync("1 of 1 orders on time");
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-04-parcel-to-ship-and-charts");
        var names = await page.Locator("[data-testid=chart-utilisation] details table tbody tr td:first-child").AllTextContentsAsync();
        var printed = await shop.TextAsync("SELECT p.name FROM print_jobs j JOIN printers p ON p.id = j.printer_id WHERE j.status = 'Completed' LIMIT 1");
        Assert.Contains(printed, names);
        Assert.Equal(names.Count, names.Distinct().Count());

        // A 390 px phone: one column, the charts as wide as the screen allows, nothing wider than it.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-dash-chart=sales]")).ToHaveAttributeAsync("data-rendered", "true", Long);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the dashboard is wider than a 390 px phone");
        var widths = await page.EvaluateAsync<double[]>("() => [...document.querySelectorAll('[data-dash-chart] canvas')].map(c => c.getBoundingClientRect().right)");
        Assert.Equal(3, widths.Length);
        Assert.All(widths, right => Assert.InRange(right, 200, 390));
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-05-phone-390");
        await page.SetViewportSizeAsync(1280, 900);

        // In French, the same cards and charts in the owner's language.
        var french = await chromium.NewPageAsync(shop.Http.BaseAddress!, "fr-FR,fr;q=0.9");
        await french.GotoAsync("/account/sign-in?returnUrl=%2Fadmin");
        await french.FillAsync("input[name=email]", OwnerEmail);
        await french.FillAsync("input[name=password]", OwnerPassword);
        await french.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(french.Locator("section.dashboard h2").First).ToHaveTextAsync("À faire maintenant");
        await Assertions.Expect(Card(french, "parcels").Locator(".what")).ToHaveTextAsync("colis à expédier");
        await Assertions.Expect(french.Locator("[data-dash-chart=onTime]")).ToHaveAttributeAsync("data-rendered", "true", Long);
        await french.SetViewportSizeAsync(390, 844);
        await french.ReloadAsync();
        await Assertions.Expect(french.Locator("[data-dash-chart=utilisation]")).ToHaveAttributeAsync("data-rendered", "true", Long);
        Assert.True(await french.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the French dashboard is wider than a 390 px phone");
        await ChromiumBrowser.ScreenshotAsync(french, "dashboard-06-french-phone-390");

        // The owner's printer page: its temperature chart spans the last hour, never years, whatever it has so far.
        var printerId = await shop.TextAsync("SELECT id FROM printers WHERE last_seen_at IS NOT NULL ORDER BY id LIMIT 1");
        await page.GotoAsync($"/admin/printers/{printerId}");
        var chart = page.Locator("[data-testid=temperature-chart]");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-span", "3600", Long);
        await ChromiumBrowser.ScreenshotAsync(page, "dashboard-07-printer-chart-one-hour");
    }

    private static ILocator Card(IPage page, string name) => page.Locator($"[data-testid=todo] > li[data-card={name}]");
}
