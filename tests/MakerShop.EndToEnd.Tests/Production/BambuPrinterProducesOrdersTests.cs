using System.IO.Compression;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// Orders printed on the fake Bambu Lab printer through the real host: checkout, dispatcher, outbox, the HTTP-printer
/// connector with the Bambu protocol (MQTT over TLS, a 3MF uploaded to its storage, project_file), and reports.
/// </summary>
public sealed class BambuPrinterProducesOrdersTests
{
    [Fact]
    public async Task Orders_are_printed_on_a_Bambu_Lab_printer_through_the_dispatcher_outbox_and_reports()
    {
        await using var farm = await BambuShop.StartAsync();
        await farm.ProvisionAsync();

        var first = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [first], "Produced", TimeSpan.FromMinutes(2));

        var job = await JobOfAsync(farm, first);
        Assert.Equal(("Completed", BambuShop.PrinterId), (job["status"]!.GetValue<string>(), job["printerId"]!.GetValue<string>()));
        var file = job["id"]!.GetValue<string>() + ".gcode.3mf";
        Assert.Equal([file], farm.Printer.PrintsStarted);
        using (var package = ZipFile.OpenRead(Path.Combine(farm.Storage, file)))
        {
            var plate = Assert.Single(package.Entries, e => e.FullName == "Metadata/plate_1.gcode");
            Assert.True(plate.Length > 100);
        }

        // The next job starts on the same printer (it ejects its parts) and the ended job's file is deleted then.
        var second = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [second], "Produced", TimeSpan.FromMinutes(2));
        Assert.Equal(2, farm.Printer.PrintsStarted.Count);
        Assert.False(File.Exists(Path.Combine(farm.Storage, file)));
        Assert.Equal("BambuLan", await farm.Shop.TextAsync($"SELECT kind FROM printers WHERE id = '{BambuShop.PrinterId}'"));
    }

    [Fact]
    public async Task A_connection_dropped_mid_print_is_made_again_and_the_print_completes()
    {
        await using var farm = await BambuShop.StartAsync(o => o.TimeScale = 60);
        await farm.ProvisionAsync();
        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await Eventually.UntilAsync(
            async () => farm.Printer.GcodeState == "RUNNING"
                && await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Printing'") == 1,
            TimeSpan.FromSeconds(60),
            "the job to be printing on the Bambu printer");

        // The printer ignores a pushall that comes too soon after the last one, so the reconnect's own may go unanswered:
        // the shop asks again until a full report names the running job, and the print is not taken for lost.
        await farm.Printer.DropClientsAsync();

        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [order], "Produced", TimeSpan.FromMinutes(2));
        var job = await JobOfAsync(farm, order);
        Assert.Equal("Completed", job["status"]!.GetValue<string>());
        Assert.Single(farm.Printer.PrintsStarted);
    }

    private static async Task<JsonNode> JobOfAsync(BambuShop farm, string orderId)
    {
        var jobs = JsonNode.Parse(await farm.Shop.Http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray();
        return Assert.Single(jobs, j => j!["orderId"]!.GetValue<string>() == orderId)!;
    }
}
