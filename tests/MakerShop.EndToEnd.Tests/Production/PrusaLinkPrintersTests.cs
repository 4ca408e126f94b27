using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Reports;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// A Prusa printer on its built-in PrusaLink (the fake Buddy firmware) through the real host: checkout, dispatcher,
/// outbox, the PrusaLink connector and poller, and the same report handler every printer feeds; then what a maker would
/// expect when it reboots mid-print, drops off the network, is given the wrong password, or loses an upload half-way.
/// </summary>
public sealed class PrusaLinkPrintersTests
{
    private const string Password = "PrusaLinkPass1234";
    private const string Id = "e2e-prusa-mk4";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task An_order_prints_on_a_PrusaLink_printer_through_the_dispatcher_to_Produced_and_the_printer_is_free_again()
    {
        await using var shop = await StartShopAsync();
        await using var printer = await StartPrinterAsync(shop, timeScale: 600, autoEject: true);

        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [order], "Produced", Deadline);

        var job = await JobOfAsync(shop, order);
        Assert.Equal(("Completed", Id), (job["status"]!.GetValue<string>(), job["printerId"]!.GetValue<string>()));
        var file = job["id"]!.GetValue<string>() + ".gcode";
        Assert.Equal([file], printer.Printer.PrintsStarted);
        Assert.Equal(await ShaOfJobAsync(shop, job), Convert.ToHexStringLower(SHA256.HashData(printer.Printer.FileContent(file)!)));
        Assert.Equal("PrusaLink", (await PrinterAsync(shop))["kind"]!.GetValue<string>());
        await WaitForPrinterAsync(shop, "Idle");
    }

    [Fact]
    public async Task In_demo_mode_an_order_prints_on_the_demo_PrusaLink_printer_beside_the_OctoPrint_one()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Demo:Enabled=true", "--MakerShop:Demo:Fleet:Count=0", "--MakerShop:Demo:Fleet:TimeScale=60", "--MakerShop:HttpPrinters:PollIntervalSeconds=0.25"],
        });
        await Eventually.UntilAsync(
            async () => JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray()
                .Count(p => p!["status"]!.GetValue<string>() == "Idle") == 4,
            Deadline,
            "the demo OctoPrint, Moonraker, PrusaLink and Bambu Lab printers to be Idle");

        // Two PLA black orders at once: the demo has two idle printers with PLA black, the OctoPrint and the Prusa MK4.
        var first = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        var second = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [first, second], "Produced", Deadline);

        var printers = new[] { await JobOfAsync(shop, first), await JobOfAsync(shop, second) }.Select(j => j["printerId"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["demo-octoprint-1", "demo-prusalink-1"], printers);
        Assert.Equal("Demo Prusa MK4 (PrusaLink) #1", await shop.TextAsync("SELECT name FROM printers WHERE id = 'demo-prusalink-1'"));
    }

    [Fact]
    public async Task A_PrusaLink_printer_that_reboots_mid_print_fails_the_job_with_an_unknown_ending_and_takes_nothing_until_its_bed_is_confirmed()
    {
        await using var shop = await StartShopAsync();
        await using var printer = await StartPrinterAsync(shop, timeScale: 1, autoEject: true);
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        var jobId = await WaitForJobOnPrinterAsync(shop, "Printing");

        // A power cut: the printer is gone from the network, and comes back having forgotten the print.
        await printer.StopAsync();
        printer.Reboot();
        await printer.StartAsync();

        await Eventually.UntilAsync(async () => await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'") == "Failed", Deadline, "the rebooted print to fail");
        Assert.Contains("unknown", await shop.TextAsync($"SELECT failure_reason FROM print_jobs WHERE id = '{jobId}'"), StringComparison.Ordinal);
        await WaitForPrinterAsync(shop, "NeedsBedClear");
        await WaitForPollsAsync(shop, count: 2);
        Assert.Single(printer.Printer.PrintsStarted);
        Assert.Equal("NeedsBedClear", await shop.TextAsync($"SELECT status FROM printers WHERE id = '{Id}'"));
    }

    [Fact]
    public async Task A_PrusaLink_printer_that_drops_off_the_network_mid_print_is_offline_then_back_with_its_print_which_completes()
    {
        await using var shop = await StartShopAsync();
        await using var printer = await StartPrinterAsync(shop, timeScale: 60, autoEject: true);
        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        var jobId = await WaitForJobOnPrinterAsync(shop, "Printing");

        await printer.StopAsync();
        await WaitForPrinterAsync(shop, "Offline");
        Assert.Equal("Printing", await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'"));
        await printer.StartAsync();

        await ShopApi.WaitForOrdersAsync(shop.Http, [order], "Produced", Deadline);
        Assert.Equal("Completed", await shop.TextAsync($"SELECT status FROM print_jobs WHERE id = '{jobId}'"));
        Assert.Single(printer.Printer.PrintsStarted);
    }

    [Fact]
    public async Task A_PrusaLink_printer_given_the_wrong_password_shows_the_key_refused_and_gets_no_job()
    {
        await using var shop = await StartShopAsync();
        await using var printer = await StartPrinterAsync(shop, timeScale: 600, autoEject: true, keyGivenToShop: "not-the-password");
        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));

        await Eventually.UntilAsync(
            async () => (await PrinterAsync(shop)) is var p && p["status"]?.GetValue<string>() == "Error" && p["statusReason"]?.GetValue<string>() == PrinterErrorReasons.PrusaLinkPasswordRefused,
            Deadline,
            "the printer to show its key refused");
        await Eventually.UntilAsync(
            async () => await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE printer_id = '{Id}' AND status IN ('Assigned', 'Transferring', 'Printing')") == 0,
            Deadline,
            "no job to be on its way to the printer whose key is refused");
        Assert.True(printer.RefusedKeys > 0);
        Assert.Empty(printer.Printer.Uploads);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Queued'"));
    }

    [Fact]
    public async Task An_upload_cut_half_way_prints_nothing_puts_the_job_back_with_its_reason_and_the_next_try_prints_the_whole_file()
    {
        await using var shop = await StartShopAsync();
        await using var printer = await StartPrinterAsync(shop, timeScale: 600, autoEject: true);
        printer.CutNextUpload();

        var order = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [order], "Produced", Deadline);

        var job = await JobOfAsync(shop, order);
        var jobId = job["id"]!.GetValue<string>();
        Assert.Equal(1, printer.CutUploads);
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE job_id = '{jobId}' AND kind = 'Refused' AND detail = 'upload-interrupted'"));
        Assert.Equal([jobId + ".gcode"], printer.Printer.PrintsStarted);
        Assert.Equal(await ShaOfJobAsync(shop, job), Convert.ToHexStringLower(SHA256.HashData(printer.Printer.FileContent(jobId + ".gcode")!)));
    }

    private static Task<TestShop> StartShopAsync() =>
        TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:HttpPrinters:PollIntervalSeconds=0.25", "--MakerShop:HttpPrinters:OfflineAfterSeconds=1"],
        });

    private static async Task<FakePrusaLinkServer> StartPrinterAsync(TestShop shop, double timeScale, bool autoEject, string keyGivenToShop = Password)
    {
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = Id, TimeScale = timeScale, BytesPerSecond = 100 }, TimeProvider.System);
        var server = new FakePrusaLinkServer(machine, Password);
        await server.StartAsync();
        await shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition { Id = Id, Name = "Prusa MK4", Kind = PrinterKind.PrusaLink, BaseUrl = server.BaseUrl, ApiKeyRef = Id, LoadedMaterial = "PLA", LoadedColour = "black", AutoEject = autoEject },
            keyGivenToShop);
        return server;
    }

    private static async Task<JsonNode> PrinterAsync(TestShop shop) =>
        JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray().Single(p => p!["id"]!.GetValue<string>() == Id)!;

    private static async Task<JsonNode> JobOfAsync(TestShop shop, string orderId) =>
        JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray().Single(j => j!["orderId"]!.GetValue<string>() == orderId)!;

    private static async Task<string?> ShaOfJobAsync(TestShop shop, JsonNode job) =>
        await shop.TextAsync($"SELECT gcode_sha256 FROM print_jobs WHERE id = '{job["id"]!.GetValue<string>()}'");

    private static Task WaitForPrinterAsync(TestShop shop, string status) =>
        Eventually.UntilAsync(
            async () => await shop.TextAsync($"SELECT status FROM printers WHERE id = '{Id}'") == status,
            Deadline,
            async () => $"printer {Id} to be {status}; it is {await shop.TextAsync($"SELECT status FROM printers WHERE id = '{Id}'")}");

    private static async Task<string> WaitForJobOnPrinterAsync(TestShop shop, string status)
    {
        string? jobId = null;
        await Eventually.UntilAsync(
            async () => (jobId = await shop.TextAsync($"SELECT id FROM print_jobs WHERE printer_id = '{Id}' AND status = '{status}' ORDER BY queued_at LIMIT 1")) is not null,
            Deadline,
            $"a job {status} on {Id}");
        return jobId!;
    }

    private static async Task WaitForPollsAsync(TestShop shop, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var seen = await shop.TextAsync($"SELECT last_seen_at FROM printers WHERE id = '{Id}'");
            await Eventually.UntilAsync(async () => await shop.TextAsync($"SELECT last_seen_at FROM printers WHERE id = '{Id}'") != seen, Deadline, $"printer {Id} to be polled again");
        }
    }
}
