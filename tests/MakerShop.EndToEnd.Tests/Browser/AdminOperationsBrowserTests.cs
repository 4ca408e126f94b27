using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.VirtualPrinter;
using MakerShop.Web.Accounts;
using MakerShop.Web.Payments;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>The owner runs the shop from the admin pages, against the real host and a virtual fleet; every action is audited.</summary>
public sealed class AdminOperationsBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_owner_cancels_a_paid_order_and_refunds_its_bank_transfer_once_even_when_clicking_twice()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Payments:ConfirmOnPlacement=false"] });
        var page = await SignInAsync(shop, "/admin/orders");
        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(quantity: 2));
        var reference = await BankTransferAsync(shop, orderId);
        var confirm = await page.Context.APIRequest.PostAsync($"/api/payments/bank-transfers/{reference}/confirm", new()
        {
            Headers = new Dictionary<string, string> { [OwnerKeyOptions.HeaderName] = TestShopSettings.OwnerKey },
            DataObject = new { amount = 9.00m, currency = "EUR", note = "statement line 4" },
        });
        Assert.Equal(200, confirm.Status);
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Queued'"));

        await page.GotoAsync($"/admin/orders/{orderId}");
        await ChromiumBrowser.ScreenshotAsync(page, "admin-10-order-before-cancel");
        await page.CheckAsync("[data-testid=cancel-form] input[name=confirm]");
        await page.ClickAsync("[data-action=cancel-order]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("2 unprinted job(s) cancelled");
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToContainTextAsync("Cancelled");

        await page.CheckAsync("[data-testid=refund-form] input[name=confirm]");
        await page.DblClickAsync("[data-action=refund-order]");
        await Assertions.Expect(page.Locator("[data-testid=refunds] tr[data-status=AwaitingPayout]")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "admin-11-order-refund-awaiting-payout");

        await page.FillAsync("[data-testid=refunds] input[name=note]", "SEPA return 2026-11-27");
        await page.ClickAsync("[data-action=paid-out]");
        await Assertions.Expect(page.Locator("[data-testid=order-status]")).ToContainTextAsync("Refunded");
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("Refund paid out");
        await ChromiumBrowser.ScreenshotAsync(page, "admin-12-order-refunded");

        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM refunds WHERE order_id = '{orderId}'"));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Cancelled'"));
        Assert.Equal("Refunded", await shop.TextAsync($"SELECT status FROM payments WHERE order_id = '{orderId}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderCancelled' AND target = '{orderId}' AND user_email = '{OwnerEmail}'"));
        Assert.True(await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'OrderRefunded' AND target = '{orderId}' AND user_email = '{OwnerEmail}'") >= 1);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'RefundPaidOut' AND user_email = '{OwnerEmail}'"));
        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("RefundPaidOut");
    }

    [Fact]
    public async Task The_owner_requeues_a_job_that_failed_for_good_and_moves_a_waiting_job_up_the_queue()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Shop:MaxPrintAttempts=1"] });
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, printerOptions: new VirtualPrinterOptions { ThermalRunawayAfterLines = 300 });
        var failedOrder = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        await Eventually.UntilAsync(
            async () => await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{failedOrder}' AND status = 'Failed'") == 1, Deadline, "the only attempt to fail");
        // The printer is in error after the runaway, so what is queued now stays queued while the owner arranges it.
        var first = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var second = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        var failedJob = await shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{failedOrder}'");
        var secondJob = await shop.TextAsync($"SELECT id FROM print_jobs WHERE order_id = '{second}'");

        var page = await SignInAsync(shop, "/admin/queue");
        await Assertions.Expect(page.Locator($"[data-testid=ended] tr[data-job='{failedJob}']")).ToContainTextAsync("Thermal Runaway", new() { IgnoreCase = true });
        await ChromiumBrowser.ScreenshotAsync(page, "admin-13-queue-failed-job");
        await page.ClickAsync($"[data-testid=ended] tr[data-job='{failedJob}'] [data-action=requeue]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("attempt 2");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{failedOrder}' AND attempt = 1 AND status = 'Failed'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{failedOrder}' AND attempt = 2 AND status = 'Queued'"));
        await Assertions.Expect(page.Locator($"[data-testid=ended] tr[data-job='{failedJob}']")).ToHaveCountAsync(0);

        var waiting = page.Locator("[data-testid=queue] tr[data-status=Queued]");
        await Assertions.Expect(waiting).ToHaveCountAsync(3);
        await Assertions.Expect(waiting.Last).ToHaveAttributeAsync("data-job", secondJob!);
        var aboveIt = await waiting.Nth(1).GetAttributeAsync("data-job");
        var topJob = await waiting.First.GetAttributeAsync("data-job");
        await page.ClickAsync($"tr[data-job='{secondJob}'] [data-action=up]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("moved up");
        // One place up: it swaps with the job that was above it, and the top job stays on top.
        await Assertions.Expect(waiting.Nth(1)).ToHaveAttributeAsync("data-job", secondJob!);
        await Assertions.Expect(waiting.First).ToHaveAttributeAsync("data-job", topJob!);
        await Assertions.Expect(waiting.Last).ToHaveAttributeAsync("data-job", aboveIt!);
        await ChromiumBrowser.ScreenshotAsync(page, "admin-14-queue-reordered");

        Assert.Equal(1, await shop.CountAsync($"SELECT priority FROM print_jobs WHERE id = '{secondJob}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobRequeued' AND target = '{failedJob}' AND user_email = '{OwnerEmail}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'JobReprioritised' AND target = '{secondJob}' AND user_email = '{OwnerEmail}'"));
        Assert.NotNull(first);
    }

    [Fact]
    public async Task The_owner_adds_a_spool_sees_it_taken_down_by_a_print_and_gets_a_low_stock_alert()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var page = await SignInAsync(shop, "/admin/spools");
        await page.FillAsync("[data-testid=add-spool] input[name=material]", "PLA");
        await page.FillAsync("[data-testid=add-spool] input[name=colour]", "black");
        await page.FillAsync("[data-testid=add-spool] input[name=brand]", "Prusament");
        await page.FillAsync("[data-testid=add-spool] input[name=gramsAtStart]", "1000");
        await page.SelectOptionAsync("[data-testid=add-spool] select[name=printerId]", TestFleet.PrinterId(0));
        await page.ClickAsync("[data-action=add-spool]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Prusament PLA black added");
        var spoolId = await shop.TextAsync("SELECT id FROM spools");

        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube", quantity: 2));
        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", Deadline);

        var used = await shop.TextAsync($"SELECT CAST(SUM(grams) AS TEXT) FROM spool_usage WHERE spool_id = '{spoolId}'");
        var usedGrams = double.Parse(used!, CultureInfo.InvariantCulture);
        Assert.True(usedGrams > 0, "a printed cube uses filament");
        var perCube = Geometry.Gcode.GcodeAnalyzer.Analyze(Path.Combine(shop.Settings.DataDirectory, "gcode", "calibration-cube.gcode")).FilamentGrams;
        Assert.Equal(2 * Math.Round(perCube, 2), usedGrams, 2);
        await page.GotoAsync("/admin/spools");
        var left = page.Locator($"tr[data-spool='{spoolId}'] [data-grams-left]");
        await Assertions.Expect(left).ToHaveAttributeAsync("data-grams-left", new Regex(@"^\d+(\.\d+)?$"));
        var gramsLeft = double.Parse((await left.GetAttributeAsync("data-grams-left"))!, CultureInfo.InvariantCulture);
        Assert.Equal(1000 - usedGrams, gramsLeft, 2);
        await ChromiumBrowser.ScreenshotAsync(page, "admin-15-spool-taken-down");

        // The owner raises the low-stock threshold above what is left: the dashboard says so.
        await page.GotoAsync("/admin/settings");
        await page.FillAsync("input[name=lowStockGrams]", "1000");
        await page.ClickAsync("[data-action=save-settings]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Settings saved");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("[data-testid=low-stock]")).ToContainTextAsync("Prusament PLA black");
        await ChromiumBrowser.ScreenshotAsync(page, "admin-16-dashboard-low-stock");

        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'SpoolAdded' AND target = '{spoolId}' AND user_email = '{OwnerEmail}'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'SettingsChanged' AND detail LIKE '%lowStockGrams 150 -> 1000%'"));
    }

    [Fact]
    public async Task The_owner_edits_a_product_is_refused_a_bad_gcode_and_retires_it_and_the_storefront_follows()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        // A French-speaking owner who types a point: "6.50" is read as 6,50 on the French page, and the page answers in French.
        var page = await SignInAsync(shop, "/admin/products", "fr-FR,fr;q=0.9");
        await page.ClickAsync("[data-product=calibration-cube] a");
        await page.FillAsync("[data-testid=edit-product] input[name='input.Name']", "Calibration cube XL");
        await page.FillAsync("[data-testid=edit-product] input[name='input.Price']", "6.50");
        await page.FillAsync("[data-testid=edit-product] input[name='input.HsCode']", "3926.40");
        await page.ClickAsync("[data-action=save-product]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Produit enregistré");
        await Assertions.Expect(page.Locator("[data-testid=edit-product] input[name='input.Price']")).ToHaveValueAsync("6,50");

        var before = await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'calibration-cube'");
        await page.SetInputFilesAsync("[data-testid=upload-gcode] input[type=file]", new FilePayload
        {
            Name = "notes.gcode", MimeType = "text/plain", Buffer = "; just a comment\nM104 S200\n"u8.ToArray(),
        });
        await page.ClickAsync("[data-action=upload-gcode]");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("déplacements");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToHaveAttributeAsync("data-field", "gcode");
        await ChromiumBrowser.ScreenshotAsync(page, "admin-17-product-bad-gcode");
        Assert.Equal(before, await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'calibration-cube'"));
        Assert.Empty(Directory.Exists(Path.Combine(shop.Settings.DataDirectory, "gcode", "products")) ? Directory.GetFiles(Path.Combine(shop.Settings.DataDirectory, "gcode", "products")) : []);

        await page.SetInputFilesAsync("[data-testid=upload-gcode] input[type=file]", Path.Combine(shop.Settings.DataDirectory, "gcode", "planter-box.gcode"));
        await page.ClickAsync("[data-action=upload-gcode]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("Nouveau G-code enregistré");
        Assert.Equal(await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'planter-box'"), await shop.TextAsync("SELECT gcode_sha256 FROM products WHERE id = 'calibration-cube'"));

        await page.FillAsync("[data-testid=add-variant] input[name=material]", "PETG");
        await page.FillAsync("[data-testid=add-variant] input[name=colour]", "orange");
        await page.ClickAsync("[data-action=add-variant]");
        await Assertions.Expect(page.Locator("[data-testid=variants] tr[data-variant='PETG-orange']")).ToHaveCountAsync(1);
        await ChromiumBrowser.ScreenshotAsync(page, "admin-18-product-edited");

        var visitor = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en-IE,en;q=0.8");
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator("[data-product=calibration-cube]")).ToContainTextAsync("Calibration cube XL");
        await Assertions.Expect(visitor.Locator("[data-product=calibration-cube] [data-testid=price]")).ToHaveTextAsync("€6.50");
        await ChromiumBrowser.ScreenshotAsync(visitor, "admin-19-storefront-after-edit");

        await page.ClickAsync("[data-action=retire]");
        await Assertions.Expect(page.Locator("[data-testid=product-state]")).ToHaveTextAsync("Retiré de la vente");
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.Locator("[data-product=calibration-cube]")).ToHaveCountAsync(0);
        var gone = await visitor.GotoAsync("/products/calibration-cube");
        Assert.Equal(404, gone!.Status);

        foreach (var action in new[] { "ProductEdited", "ProductGcodeReplaced", "ProductVariantAdded", "ProductRetired" })
        {
            Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = '{action}' AND target = 'calibration-cube' AND user_email = '{OwnerEmail}'"));
        }

        // A new product, its size and print time measured from its G-code, is on sale at once.
        await page.GotoAsync("/admin/products");
        await page.FillAsync("[data-testid=add-product] input[name=id]", "cable-clip");
        await page.FillAsync("[data-testid=add-product] input[name='input.Name']", "Cable clip");
        await page.FillAsync("[data-testid=add-product] textarea[name='input.Description']", "Holds three cables to a desk edge.");
        await page.FillAsync("[data-testid=add-product] input[name='input.Price']", "3,20");
        await page.SetInputFilesAsync("[data-testid=add-product] input[type=file]", Path.Combine(shop.Settings.DataDirectory, "gcode", "cable-organiser.gcode"));
        await page.ClickAsync("[data-action=add-product]");
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToHaveTextAsync("Produit ajouté.");
        Assert.True(await shop.CountAsync("SELECT estimated_print_seconds FROM products WHERE id = 'cable-clip'") > 0);
        Assert.True(await shop.CountAsync("SELECT CAST(part_z * 10 AS INTEGER) FROM products WHERE id = 'cable-clip'") > 0);
        await visitor.GotoAsync("/products/cable-clip");
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Cable clip");
        await Assertions.Expect(visitor.Locator("[data-testid=price]")).ToHaveTextAsync("€3.20");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'ProductCreated' AND target = 'cable-clip' AND user_email = '{OwnerEmail}'"));
    }

    private async Task<IPage> SignInAsync(TestShop shop, string returnUrl, string language = "en")
    {
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language);
        await page.GotoAsync("/account/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(returnUrl) + "$"));
        return page;
    }

    /// <summary>The bank transfer the customer was asked for at checkout; returns its reference.</summary>
    private static async Task<string> BankTransferAsync(TestShop shop, string orderId)
    {
        var order = await ShopApi.GetOrderAsync(shop.Http, orderId);
        var total = Money.FromMinor(order["total"]!["minorUnits"]!.GetValue<long>(), Currency.Eur);
        Assert.Equal(900, total.MinorUnits);
        var payment = Payment.Start("pay_" + Guid.NewGuid().ToString("N"), orderId, BankTransferProvider.ProviderName, total, BankTransferReference.New(), DateTimeOffset.UtcNow);
        await using var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>());
        await PaymentStore.InsertAsync(session, payment);
        await session.CommitAsync();
        return payment.Reference;
    }
}
