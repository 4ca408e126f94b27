using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// The demo's Bambu Lab printer is driven as a maker's would be: its TLS MQTT broker and its FTPS server on loopback,
/// the shop's own FTPS client uploading the 3MF its packager made, the same dispatcher, outbox and reports.
/// </summary>
public sealed class DemoBambuPrinterTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task In_demo_mode_an_order_prints_on_the_demo_Bambu_Lab_printer_beside_the_Klipper_one()
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

        // Two PLA white orders at once: the demo has two idle printers with PLA white, the Klipper one and the P1S.
        var first = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "white"));
        var second = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody(colour: "white"));
        await ShopApi.WaitForOrdersAsync(shop.Http, [first, second], "Produced", Deadline);

        var jobs = JsonNode.Parse(await shop.Http.GetStringAsync(new Uri("/api/jobs", UriKind.Relative)))!.AsArray();
        var printers = jobs.Where(j => j!["orderId"]!.GetValue<string>() is var o && (o == first || o == second))
            .Select(j => j!["printerId"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["demo-bambu-1", "demo-moonraker-1"], printers);
        Assert.Equal("Demo Bambu Lab P1S #1", await shop.TextAsync("SELECT name FROM printers WHERE id = 'demo-bambu-1'"));
        Assert.Equal("BambuLan", await shop.TextAsync("SELECT kind FROM printers WHERE id = 'demo-bambu-1'"));
    }
}
