using System.Net;
using System.Text.RegularExpressions;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace MakerShop.EndToEnd.Tests.Browser;

public sealed class MakerAreaBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Password = "a maker's long passphrase";

    [Fact]
    public async Task A_maker_sees_only_their_printers_live_and_a_bed_clear_lets_the_next_job_start()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await AddMakerAsync(shop, "bob", "DE", "bob@makers.example");
        // Ana's printer does not eject parts, so every finished part waits for her; Bob's holds another filament.
        await using var anas = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "ana-mk3", MakerId: "ana", AutoEject: false));
        await using var bobs = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "bob-voron", MakerId: "bob", Material: "PETG", Colour: "orange", CountryCode: "DE"));

        var page = await SignInAsync(shop, "ana@makers.example");
        await Assertions.Expect(page.Locator("[data-testid=printers] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=printers] tbody tr")).ToHaveAttributeAsync("data-printer", "ana-mk3-1");
        await page.EvaluateAsync("() => { window.sameDocument = true; }");

        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube", quantity: 2));
        // The grid follows the print by itself, and then shows the bed waiting for Ana.
        await Assertions.Expect(page.Locator("tr[data-printer=ana-mk3-1] .state")).ToContainTextAsync("Needs its bed cleared", new() { Timeout = 90_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await ChromiumBrowser.ScreenshotAsync(page, "maker-01-bed-waiting");
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Completed'"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Queued'"));

        await page.ClickAsync("text=Printer ana-mk3-1");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var bedForm = page.Locator("form.action:has(button[data-action=BedCleared])");
        await bedForm.Locator("input[name=confirm]").CheckAsync();
        await bedForm.Locator("button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=notice]")).ToContainTextAsync("is recorded as clear");
        await ChromiumBrowser.ScreenshotAsync(page, "maker-02-bed-cleared");

        await ShopApi.WaitForOrdersAsync(shop.Http, [order], "Produced", TimeSpan.FromSeconds(90));
        Assert.Equal(2, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Completed' AND printer_id = 'ana-mk3-1'"));
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterBedCleared' AND user_email = 'ana@makers.example' AND target = 'ana-mk3-1'"));
    }

    [Fact]
    public async Task Every_maker_route_answers_another_makers_printer_and_jobs_as_if_they_did_not_exist()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await AddMakerAsync(shop, "bob", "DE", "bob@makers.example");
        await using var anas = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "ana-mk3", MakerId: "ana"));
        await using var bobs = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "bob-voron", MakerId: "bob", CountryCode: "DE"));
        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody("calibration-cube"));
        // A German customer's part goes to Bob in Germany: the scheduler keeps parcels inside their country.
        var german = ShopApi.OrderBody("calibration-cube");
        german["shippingAddress"] = new System.Text.Json.Nodes.JsonObject
        {
            ["name"] = "Grace", ["line1"] = "Unter den Linden 1", ["city"] = "Berlin", ["postalCode"] = "10117", ["countryCode"] = "DE",
        };
        var germanOrder = await ShopApi.PlaceOrderAsync(shop.Http, german);
        await ShopApi.WaitForOrdersAsync(shop.Http, [order, germanOrder], "Produced", TimeSpan.FromSeconds(90));
        var bobsJob = await shop.TextAsync("SELECT id FROM print_jobs WHERE printer_id = 'bob-voron-1' LIMIT 1");

        var page = await SignInAsync(shop, "ana@makers.example");
        var token = await page.Locator("form.preferences input[name=__RequestVerificationToken]").GetAttributeAsync("value") ?? "";

        // Pages and commands for Bob's printer: as if it did not exist.
        Assert.Equal(404, (await page.GotoAsync("/maker/printers/bob-voron-1"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/maker/printers/no-such-printer"))!.Status);
        await page.GotoAsync("/maker/printers/ana-mk3-1");
        var post = await page.EvaluateAsync<int>(
            "async t => (await fetch('/maker/printers/bob-voron-1', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'action=EmergencyStop&confirm=true&__RequestVerificationToken=' + encodeURIComponent(t) })).status",
            token);
        Assert.Equal(404, post);
        var rotate = await page.EvaluateAsync<int>(
            "async t => (await fetch('/maker/printers/bob-voron-1?handler=RotateSecret', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'confirm=true&__RequestVerificationToken=' + encodeURIComponent(t) })).status",
            token);
        Assert.Equal(404, rotate);
        Assert.Equal(404, await page.EvaluateAsync<int>("async () => (await fetch('/maker/printers/bob-voron-1/temperatures')).status"));
        Assert.Equal(404, await page.EvaluateAsync<int>("async () => (await fetch('/maker/printers/no-such-printer/temperatures')).status"));
        Assert.Equal(200, await page.EvaluateAsync<int>("async () => (await fetch('/maker/printers/ana-mk3-1/temperatures')).status"));

        // The API and the live stream list only Ana's printer and the jobs that ran on it.
        var printers = await page.EvaluateAsync<string>("async () => await (await fetch('/api/printers')).text()");
        Assert.Contains("ana-mk3-1", printers, StringComparison.Ordinal);
        Assert.DoesNotContain("bob-voron-1", printers, StringComparison.Ordinal);
        var jobs = await page.EvaluateAsync<string>("async () => await (await fetch('/api/jobs')).text()");
        Assert.DoesNotContain("bob-voron-1", jobs, StringComparison.Ordinal);
        var live = await page.EvaluateAsync<string>(
            """
            async () => {
                const stop = new AbortController();
                setTimeout(() => stop.abort(), 20000);
                const reader = (await fetch('/maker/live', { signal: stop.signal })).body.getReader();
                let text = '';
                while (!text.includes('\n\n')) {
                    const { value, done } = await reader.read();
                    if (done) break;
                    text += new TextDecoder().decode(value);
                }
                stop.abort();
                return text;
            }
            """);
        Assert.Contains("ana-mk3-1", live, StringComparison.Ordinal);
        Assert.DoesNotContain("bob-voron-1", live, StringComparison.Ordinal);
        await page.GotoAsync("/maker/jobs");
        await Assertions.Expect(page.Locator("[data-testid=jobs]")).Not.ToContainTextAsync("bob-voron-1");
        Assert.NotNull(bobsJob);
        Assert.DoesNotContain(bobsJob, jobs, StringComparison.Ordinal);

        // A maker is not the owner: the owner's pages and order data stay closed.
        Assert.Equal(403, (await page.GotoAsync("/admin"))!.Status);
        var orderStatus = await page.EvaluateAsync<int>($"async () => (await fetch('/api/orders/{order}')).status");
        Assert.Equal(403, orderStatus);
        // G-code is for printers with their device credentials, never for a browser session.
        // (Asked through the browser context's request API, which carries the session cookie but shows no Basic-auth prompt.)
        var gcode = (await page.Context.APIRequest.GetAsync($"/api/devices/jobs/{bobsJob}/gcode")).Status;
        Assert.True(gcode is 401 or 404, $"G-code answered {gcode} to a maker's browser session.");

        using var anonymous = shop.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/printers")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/jobs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/orders/{order}")).StatusCode);
    }

    [Fact]
    public async Task A_maker_registers_a_printer_and_its_bridge_connects_with_the_config_file_shown_once()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await AddMakerAsync(shop, "bob", "DE", "bob@makers.example");
        await using var bobs = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "bob-voron", MakerId: "bob", CountryCode: "DE"));
        var page = await SignInAsync(shop, "ana@makers.example");

        // Bob's printer id cannot be taken over.
        await page.GotoAsync("/maker/register");
        await page.FillAsync("input[name=id]", "bob-voron-1");
        await page.FillAsync("input[name=name]", "Not mine");
        await page.ClickAsync("form.stacked button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("already taken");

        await page.FillAsync("input[name=id]", "ana-mini");
        await page.FillAsync("input[name=name]", "Ana's Mini");
        await page.ClickAsync("form.stacked button[type=submit]");
        var config = System.Text.Json.Nodes.JsonNode.Parse(await page.Locator("[data-testid=bridge-config]").InnerTextAsync())!["Bridge"]!;
        Assert.Equal("ana-mini", config["PrinterId"]!.GetValue<string>());
        await ChromiumBrowser.ScreenshotAsync(page, "maker-03-registered");

        var credentials = new MakerShop.Contracts.Devices.DeviceCredentials("ana-mini", config["Secret"]!.GetValue<string>());
        await using var bridge = await MakerShop.Web.Demo.VirtualFleetMember.StartAsync(
            credentials, "127.0.0.1", config["MqttPort"]!.GetValue<int>(), TestFleet.TimeScale, Path.Combine(shop.Settings.DataDirectory, "bridges", "ana-mini"),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await page.GotoAsync("/maker");
        await Assertions.Expect(page.Locator("tr[data-printer=ana-mini]")).ToHaveAttributeAsync("data-status", "Idle", new() { Timeout = 30_000 });
        Assert.Equal("ana", await shop.TextAsync("SELECT maker_id FROM printers WHERE id = 'ana-mini'"));
        Assert.Equal("bob", await shop.TextAsync("SELECT maker_id FROM printers WHERE id = 'bob-voron-1'"));
    }

    [Fact]
    public async Task A_makers_live_grid_says_in_words_that_their_printer_prints_something_the_shop_did_not_send_in_English_and_French()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        var credentials = await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("ana-local", "Ana local", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: false)
            {
                Equipment = new PrinterEquipment("ana", Enclosed: false, HardenedNozzle: false),
            });
        await using var printer = await ScriptedPrinter.ConnectAsync(credentials, shop.Settings.MqttPort);
        var at = DateTimeOffset.UtcNow.AddSeconds(-60);
        await printer.PublishStateAsync(BridgeStatus.Idle, at);
        await Eventually.UntilAsync(async () => await shop.TextAsync("SELECT status FROM printers WHERE id = 'ana-local'") == "Idle", TimeSpan.FromSeconds(60), "the printer to be idle");
        var english = await SignInAsync(shop, "ana@makers.example");
        var french = await SignInAsync(shop, "ana@makers.example", "fr-FR,fr;q=0.9");
        foreach (var page in new[] { english, french })
        {
            await page.EvaluateAsync("() => { window.sameDocument = true; }");
        }

        // Someone starts a print at the printer itself: the grids learn it from the live stream, not from a reload.
        await printer.PublishStateAsync(BridgeStatus.Printing, at.AddSeconds(1), jobId: null, progress: 0.1);
        foreach (var (page, words, shot) in new[]
        {
            (english, "Printing something the shop did not send · bed not clear", "maker-04-live-unsent-en"),
            (french, "Imprime quelque chose que la boutique n'a pas envoyé · plateau à libérer", "maker-05-live-unsent-fr"),
        })
        {
            await Assertions.Expect(page.Locator("tr[data-printer=ana-local] .state")).ToHaveTextAsync(words, new() { Timeout = 60_000 });
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
            await ChromiumBrowser.ScreenshotAsync(page, shot);
        }
    }

    private static async Task AddMakerAsync(TestShop shop, string id, string country, string email)
    {
        await using (var session = await DbSession.BeginAsync(shop.Services.GetRequiredService<SqliteConnectionFactory>()))
        {
            await MakerStore.UpsertAsync(session, Maker.Create(id, id.ToUpperInvariant(), country, DateTimeOffset.UtcNow));
            await session.CommitAsync();
        }

        await shop.Services.GetRequiredService<AccountService>().CreateAsync(email, id, UserRole.Maker, id, Password, CancellationToken.None);
    }

    private async Task<IPage> SignInAsync(TestShop shop, string email, string language = "en")
    {
        var page = await chromium.NewPageAsync(shop.Http.BaseAddress!, language);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("input[name=email]", email);
        await page.FillAsync("input[name=password]", Password);
        await page.ClickAsync("[data-testid=sign-in-submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/maker$"));
        return page;
    }
}
