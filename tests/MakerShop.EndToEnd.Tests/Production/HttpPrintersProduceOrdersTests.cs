using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// Orders printed on an OctoPrint and a Moonraker printer (the in-process fakes) through the real host: checkout,
/// dispatcher, outbox, the HTTP connectors, polling, and the same report handler the MQTT bridges feed.
/// </summary>
public sealed class HttpPrintersProduceOrdersTests
{
    private const string ApiKey = "E2E0123456789ABCDEF0123456789ABC";

    [Fact]
    public async Task An_order_on_an_OctoPrint_printer_and_one_on_a_Moonraker_printer_are_both_printed_to_Produced()
    {
        var settings = TestShopSettings.CreateTemporary();
        await using var shop = await TestShop.StartAsync(settings);
        await using var octoPrint = await StartPrinterAsync(shop, PrinterKind.OctoPrint, "e2e-octoprint", "black");
        await using var moonraker = await StartPrinterAsync(shop, PrinterKind.Moonraker, "e2e-moonraker", "white");

        // Each colour is loaded on one printer only, so the scheduler has to use both backends.
        var onOctoPrint = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        var onMoonraker = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "white"));

        await ShopApi.WaitForOrdersAsync(shop.Http, [onOctoPrint, onMoonraker], "Produced", TimeSpan.FromMinutes(2));

        var jobs = JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray();
        var octoJob = Assert.Single(jobs, j => j!["orderId"]!.GetValue<string>() == onOctoPrint)!;
        var moonJob = Assert.Single(jobs, j => j!["orderId"]!.GetValue<string>() == onMoonraker)!;
        Assert.Equal(("Completed", "e2e-octoprint"), (octoJob["status"]!.GetValue<string>(), octoJob["printerId"]!.GetValue<string>()));
        Assert.Equal(("Completed", "e2e-moonraker"), (moonJob["status"]!.GetValue<string>(), moonJob["printerId"]!.GetValue<string>()));

        // Each printer received its job's file once and printed it once; the file stays after the job's end (it is
        // what makes a re-sent start safe) until the next job starts there (the bytes are checked in the Printers tests).
        var octoFile = octoJob["id"]!.GetValue<string>() + ".gcode";
        var moonFile = "makershop/" + moonJob["id"]!.GetValue<string>() + ".gcode";
        Assert.Equal([octoFile], octoPrint.Printer.PrintsStarted);
        Assert.Equal([moonFile], moonraker.Printer.PrintsStarted);
        Assert.NotNull(octoPrint.Printer.FileContent(octoFile));
        Assert.NotNull(moonraker.Printer.FileContent(moonFile));

        var nextOnOctoPrint = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "black"));
        var nextOnMoonraker = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "white"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [nextOnOctoPrint, nextOnMoonraker], "Produced", TimeSpan.FromMinutes(2));
        Assert.Equal(2, octoPrint.Printer.PrintsStarted.Count);
        Assert.Equal(2, moonraker.Printer.PrintsStarted.Count);
        Assert.Null(octoPrint.Printer.FileContent(octoFile));
        Assert.Null(moonraker.Printer.FileContent(moonFile));

        // Both printers are free again, shown with their kind.
        var printers = JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray();
        Assert.Equal("OctoPrint", printers.Single(p => p!["id"]!.GetValue<string>() == "e2e-octoprint")!["kind"]!.GetValue<string>());
        Assert.Equal("Moonraker", printers.Single(p => p!["id"]!.GetValue<string>() == "e2e-moonraker")!["kind"]!.GetValue<string>());
        await Eventually.UntilAsync(
            async () => JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/printers", UriKind.Relative)))!.AsArray()
                .All(p => p!["status"]!.GetValue<string>() == "Idle"),
            TimeSpan.FromSeconds(30),
            "both HTTP printers to be Idle again");
    }

    private static async Task<VirtualHttpServer> StartPrinterAsync(TestShop shop, PrinterKind kind, string id, string colour)
    {
        // 600 simulated seconds per real second: the calibration cube prints in a few seconds.
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = id, TimeScale = 600, BytesPerSecond = 100 }, TimeProvider.System);
        VirtualHttpServer server = kind == PrinterKind.OctoPrint ? new FakeOctoPrintServer(machine, ApiKey) : new FakeMoonrakerServer(machine, ApiKey);
        await server.StartAsync();
        await shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition { Id = id, Name = id, Kind = kind, BaseUrl = server.BaseUrl, ApiKeyRef = id, LoadedMaterial = "PLA", LoadedColour = colour, AutoEject = true },
            ApiKey);
        return server;
    }
}
