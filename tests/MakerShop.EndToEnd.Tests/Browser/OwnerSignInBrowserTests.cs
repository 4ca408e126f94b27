using System.Globalization;
using System.Text.RegularExpressions;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class OwnerSignInBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string OwnerEmail = "owner@makershop.example";
    private const string OwnerPassword = "a long owner passphrase";

    [Fact]
    public async Task The_create_owner_command_makes_an_owner_who_signs_in_to_a_dashboard_that_matches_the_database()
    {
        var settings = TestShopSettings.CreateTemporary();
        var passwordFile = Path.Combine(Path.GetTempPath(), "makershop-tests", Guid.NewGuid().ToString("N") + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(passwordFile)!);
        await File.WriteAllTextAsync(passwordFile, OwnerPassword + "\n");
        var exit = await CreateOwnerCommand.RunAsync([.. settings.ToArgs(), "--email", OwnerEmail, "--name", "Olivia Owner", "--password-file", passwordFile]);
        Assert.Equal(0, exit);

        await using var shop = await TestShop.StartAsync(settings, keepPorts: true);
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube", quantity: 3));
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("planter-box", material: "PETG", colour: "orange"));

        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await ChromiumBrowser.ScreenshotAsync(page, "admin-01-dashboard");

        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ordersToday = await shop.CountAsync($"SELECT COUNT(*) FROM orders WHERE placed_at >= '{today}'");
        await Assertions.Expect(page.Locator("[data-figure=orders-today]")).ToHaveTextAsync(ordersToday.ToString(CultureInfo.InvariantCulture));
        var queued = await shop.CountAsync("SELECT COUNT(*) FROM print_jobs WHERE status = 'Queued'");
        await Assertions.Expect(page.Locator("[data-figure=queue]")).ToHaveTextAsync(queued.ToString(CultureInfo.InvariantCulture));
        var revenueMinor = await shop.CountAsync("SELECT SUM(total_minor) FROM orders WHERE currency = 'EUR' AND status IN ('Paid', 'InProduction', 'Produced', 'Shipped', 'Delivered')");
        var revenue = Money.FromMinor(revenueMinor, Currency.Eur);
        await Assertions.Expect(page.Locator("[data-testid=revenue-currency] td")).ToHaveTextAsync("€" + revenue.ToDecimal().ToString("N2", CultureInfo.GetCultureInfo("en")));
        await Assertions.Expect(page.Locator("[data-testid=revenue-country] th")).ToHaveTextAsync("FR");

        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'SignedIn' AND user_email = '{OwnerEmail}'"));
        await page.ClickAsync("[data-testid=sign-out]");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'SignedOut' AND user_email = '{OwnerEmail}'"));
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    [Fact]
    public async Task The_owner_finds_an_order_by_its_customer_and_reads_its_whole_timeline()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var body = ShopApi.OrderBody(quantity: 2);
        body["customer"]!["email"] = "grace@example.com";
        var wanted = await ShopApi.PlaceOrderAsync(shop.Http, body);
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());

        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin%2Forders");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page.Locator("[data-testid=orders] tbody tr")).ToHaveCountAsync(2);

        await page.FillAsync("input[name=q]", "grace@");
        await page.ClickAsync("form.filters button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=orders] tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync($"[data-testid=orders] tbody tr[data-order='{wanted}'] a");
        await Assertions.Expect(page.Locator("[data-testid=jobs] tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=timeline]")).ToContainTextAsync("Payment confirmed");
        await Assertions.Expect(page.Locator("[data-testid=timeline] li")).ToHaveCountAsync(
            (int)await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{wanted}'"));
        await ChromiumBrowser.ScreenshotAsync(page, "admin-03-order-detail");

        await page.GotoAsync("/admin/audit");
        await Assertions.Expect(page.Locator("[data-testid=audit]")).ToContainTextAsync("SignedIn");
    }

    [Fact]
    public async Task The_owner_queue_shows_why_each_job_went_where_it_went_and_a_held_job_waits_until_released()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        // No printer yet: the three units wait in the queue, where the owner holds one of them.
        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube", quantity: 3));
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");
        await page.GotoAsync("/account/sign-in?returnUrl=%2Fadmin%2Fqueue");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page.Locator("[data-testid=queue] tr[data-status=Queued]")).ToHaveCountAsync(3);
        var held = await page.Locator("[data-testid=queue] tr[data-status=Queued]").First.GetAttributeAsync("data-job");
        await page.Locator($"tr[data-job='{held}'] button[data-action=hold]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("held");
        Assert.Equal(1, await shop.CountAsync($"SELECT held FROM print_jobs WHERE id = '{held}'"));

        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        await Eventually.UntilAsync(
            async () => await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Completed'") == 2,
            TimeSpan.FromSeconds(90), "the two jobs that are not held to be printed");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE id = '{held}' AND status = 'Queued'"));

        // Every job that ran carries the scheduler's reason, and the queue page shows it for running ones.
        Assert.Equal(0, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Completed' AND COALESCE(assignment_reason, '') = ''"));
        await page.GotoAsync("/admin/queue");
        await page.Locator($"tr[data-job='{held}'] button[data-action=hold]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("released");
        await ShopApi.WaitForOrdersAsync(shop.Http, [order], "Produced", TimeSpan.FromSeconds(90));
        await ChromiumBrowser.ScreenshotAsync(page, "admin-04-queue");
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE target = '{held}' AND action IN ('JobHeld', 'JobReleased')"));
    }

    [Fact]
    public async Task Sign_in_attempts_are_throttled_per_address_and_every_failure_is_audited()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:SignIn:AttemptsPerWindow=3"] });
        await shop.Services.GetRequiredService<AccountService>().CreateAsync(OwnerEmail, "Olivia", UserRole.Owner, null, OwnerPassword, CancellationToken.None);
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, "en");

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.GotoAsync("/account/sign-in");
            await page.FillAsync("input[name=email]", OwnerEmail);
            await page.FillAsync("input[name=password]", "not the password " + attempt);
            await page.ClickAsync("[data-testid=sign-in-submit]");
            await Assertions.Expect(page.Locator("[data-testid=sign-in-error]")).ToHaveTextAsync("Wrong e-mail address or password.");
        }

        // The fourth try is refused before the password is even looked at, right one or not.
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", OwnerEmail);
        await page.FillAsync("input[name=password]", OwnerPassword);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("[data-testid=sign-in-submit]"), r => r.Request.Method == "POST");
        Assert.Equal(429, response.Status);
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Too many sign-in attempts");
        await ChromiumBrowser.ScreenshotAsync(page, "admin-02-sign-in-throttled");

        Assert.Equal(3, await shop.CountAsync($"SELECT COUNT(*) FROM audit_log WHERE action = 'SignInFailed' AND user_email = '{OwnerEmail}'"));
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'SignedIn'"));
    }

    [Fact]
    public async Task The_admin_pages_and_the_sign_in_form_refuse_requests_without_a_session_or_an_antiforgery_token()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = shop.Http.BaseAddress };

        using var admin = await http.GetAsync("/admin");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/account/sign-in", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var forged = await http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = OwnerEmail, ["password"] = OwnerPassword }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
