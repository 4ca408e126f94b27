using System.Globalization;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MQTTnet;
using MQTTnet.Formatter;

namespace MakerShop.EndToEnd.Tests.Browser;

/// <summary>The printer page's temperature chart, MQTT secret rotation, and OctoPrint/Moonraker registration by a maker.</summary>
public sealed class MakerPrinterBrowserTests(ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_printer_page_charts_the_last_hour_of_temperatures_and_adds_live_readings()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort, spec: new(IdPrefix: "ana-mk3", MakerId: "ana"));
        // An hour of earlier history (one sample a minute, heating up), and one sample older than the hour that must not show.
        var now = DateTimeOffset.UtcNow;
        var history = Enumerable.Range(0, 60)
            .Select(i => new TemperatureSample("ana-mk3-1", now.AddMinutes(-59.5 + i), 25 + (3 * i), 215, 22 + i, 60))
            .Append(new TemperatureSample("ana-mk3-1", now.AddMinutes(-70), 20, 0, 20, 0))
            .ToList();
        await shop.Services.GetRequiredService<PrinterTelemetryStore>().WriteBatchAsync([], history);

        var page = await MakerSession.SignInAsync(chromium, shop, "ana@makers.example");
        var api = await page.EvaluateAsync<string>("async () => await (await fetch('/maker/printers/ana-mk3-1/temperatures')).text()");
        var samples = JsonNode.Parse(api)!["samples"]!.AsArray();
        Assert.True(samples.Count >= 60, $"the history answered {samples.Count} samples");
        Assert.All(samples, s => Assert.True(DateTimeOffset.Parse(s!["at"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= now.AddHours(-1).AddMinutes(-1)));

        await page.GotoAsync("/maker/printers/ana-mk3-1");
        var chart = page.Locator("[data-testid=temperature-chart]");
        await Assertions.Expect(chart.Locator("canvas")).ToHaveCountAsync(1);
        var initial = int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture);
        Assert.True(initial >= 60, $"the chart started with {initial} points");
        // The virtual printer reports every two seconds; the chart grows from the live stream without a reload.
        await page.WaitForFunctionAsync("n => Number(document.querySelector('[data-testid=temperature-chart]').dataset.points) > n", initial, new() { Timeout = 30_000 });
        await Assertions.Expect(chart.Locator(".u-legend")).ToContainTextAsync("Nozzle target");
        await ChromiumBrowser.ScreenshotAsync(page, "maker-04-temperature-chart");

        // The live readings are stored too, downsampled, beside the seeded history.
        await Eventually.UntilAsync(
            async () => await shop.CountAsync($"SELECT COUNT(*) FROM printer_temperature_samples WHERE printer_id = 'ana-mk3-1' AND at > '{now.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss}'") > 0,
            Timeout, "a live reading stored as a temperature sample");
    }

    [Fact]
    public async Task A_new_bridge_secret_shuts_the_old_one_out_of_the_embedded_broker_and_lets_the_new_one_in()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        var old = await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("ana-mini", "Ana's Mini", PrinterKind.FirmwareBridge, new Size3(180, 180, 180), 0.4, "PLA", "black", "FR", AutoEject: true)
            {
                Equipment = new PrinterEquipment("ana", Enclosed: false, HardenedNozzle: false),
            });
        using var connected = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await ConnectAsync(connected, shop, old)).ResultCode);

        var page = await MakerSession.SignInAsync(chromium, shop, "ana@makers.example");
        await page.GotoAsync("/maker/printers/ana-mini");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var form = page.Locator("form.action:has(button[data-action=RotateSecret])");
        await form.Locator("input[name=confirm]").CheckAsync();
        await form.Locator("button").ClickAsync();
        var config = JsonNode.Parse(await page.Locator("[data-testid=bridge-config]").InnerTextAsync())!["Bridge"]!;
        await ChromiumBrowser.ScreenshotAsync(page, "maker-05-secret-rotated");
        var rotated = new DeviceCredentials("ana-mini", config["Secret"]!.GetValue<string>());
        Assert.NotEqual(old.Secret, rotated.Secret);
        Assert.True(config["AutoEject"]!.GetValue<bool>());

        // The session that logged in with the old secret is dropped, the old secret is refused, the new one accepted.
        await Eventually.UntilAsync(() => !connected.IsConnected, Timeout, "the old session dropped by the broker");
        using var withOld = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, (await ConnectAsync(withOld, shop, old)).ResultCode);
        using var withNew = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await ConnectAsync(withNew, shop, rotated)).ResultCode);
        Assert.Equal(1, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterSecretRotated' AND user_email = 'ana@makers.example' AND target = 'ana-mini'"));

        // A reload shows the page without the secret: it was shown once.
        await page.GotoAsync("/maker/printers/ana-mini");
        Assert.DoesNotContain(rotated.Secret, await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_maker_registers_an_OctoPrint_and_a_Moonraker_printer_from_the_page_and_both_come_online()
    {
        // The fake printers listen on loopback, which the default maker address policy refuses.
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:HttpPrinters:MakerAddressPolicy=Any"] });
        await MakerSession.AddMakerAsync(shop, "ana", "FR", "ana@makers.example");
        await using var octoPrint = await StartAsync(PrinterKind.OctoPrint, "ana-octopi", "0123456789abcdef0123456789ABCDEF");
        await using var moonraker = await StartAsync(PrinterKind.Moonraker, "ana-voron", "fedcba9876543210fedcba9876543210");
        var page = await MakerSession.SignInAsync(chromium, shop, "ana@makers.example");

        // A bad address is refused with the field named, and nothing is stored.
        await FillAsync(page, "OctoPrint", "ana-octopi", "ftp://192.168.1.20/", "0123456789abcdef0123456789ABCDEF");
        await Assertions.Expect(page.Locator("[data-testid=error]")).ToContainTextAsync("http://");
        Assert.Equal(0, await shop.CountAsync("SELECT COUNT(*) FROM printers WHERE id = 'ana-octopi'"));

        await FillAsync(page, "OctoPrint", "ana-octopi", octoPrint.BaseUrl.AbsoluteUri, "0123456789abcdef0123456789ABCDEF");
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("…CDEF");
        Assert.DoesNotContain("0123456789abcdef0123456789ABCDEF", await page.ContentAsync(), StringComparison.Ordinal);
        await ChromiumBrowser.ScreenshotAsync(page, "maker-06-octoprint-registered");
        await FillAsync(page, "Moonraker", "ana-voron", moonraker.BaseUrl.AbsoluteUri, "fedcba9876543210fedcba9876543210");
        await Assertions.Expect(page.Locator("[data-testid=registered]")).ToContainTextAsync("ana-voron is registered");

        // No restart: the poller picks both up and they come online as Ana's printers.
        await page.GotoAsync("/maker");
        await Assertions.Expect(page.Locator("tr[data-printer=ana-octopi]")).ToHaveAttributeAsync("data-status", "Idle", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-printer=ana-voron]")).ToHaveAttributeAsync("data-status", "Idle", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("tr[data-printer=ana-voron] .nozzle")).ToContainTextAsync("°C", new() { Timeout = 30_000 });
        await ChromiumBrowser.ScreenshotAsync(page, "maker-07-http-printers-online");
        Assert.Equal("ana", await shop.TextAsync("SELECT maker_id FROM printers WHERE id = 'ana-octopi'"));
        Assert.Equal("Moonraker", await shop.TextAsync("SELECT kind FROM printers WHERE id = 'ana-voron'"));
        Assert.Equal(2, await shop.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PrinterRegistered' AND user_email = 'ana@makers.example'"));
    }

    private static async Task FillAsync(IPage page, string kind, string id, string baseUrl, string apiKey)
    {
        await page.GotoAsync("/maker/register");
        await page.CheckAsync($"input[name=kind][value={kind}]");
        await page.FillAsync("input[name=id]", id);
        await page.FillAsync("input[name=name]", $"Ana's {kind}");
        await page.FillAsync("input[name=baseUrl]", baseUrl);
        await page.FillAsync("input[name=apiKey]", apiKey);
        await page.ClickAsync("form.stacked button[type=submit]");
    }

    private static async Task<VirtualHttpServer> StartAsync(PrinterKind kind, string name, string apiKey)
    {
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = name, TimeScale = 60 }, TimeProvider.System);
        VirtualHttpServer server = kind == PrinterKind.OctoPrint ? new FakeOctoPrintServer(machine, apiKey) : new FakeMoonrakerServer(machine, apiKey);
        await server.StartAsync(CancellationToken.None);
        return server;
    }

    private static Task<MqttClientConnectResult> ConnectAsync(IMqttClient client, TestShop shop, DeviceCredentials credentials) =>
        client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", shop.Settings.MqttPort)
            .WithClientId(credentials.PrinterId)
            .WithCredentials(credentials.PrinterId, credentials.Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build()).WaitAsync(Timeout);
}
