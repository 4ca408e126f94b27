using System.Net;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Browser;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Storefront;
using MakerShop.VirtualHttpPrinters.Bambu;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>
/// A Bambu Lab printer with an AMS through the real host: its trays reach the maker's and the owner's pages, an order
/// prints from the tray that holds its colour, and one whose colour no tray holds goes back to the queue with the
/// maker told what to load.
/// </summary>
public sealed class BambuAmsTraysTests
{
    [Fact]
    public async Task An_order_prints_from_the_AMS_tray_holding_its_colour_and_the_maker_page_lists_the_trays()
    {
        await using var farm = await BambuShop.StartAsync(o => o.AmsTrays = [new(0, 0, "PLA", "FFFFFFFF", 100), new(0, 1, "PLA", "000000FF", 80)]);
        await farm.RegisterForMakerAsync("ana", "ana-p1s", farm.Printer.AccessCode, colour: "black");
        await farm.WaitForPrinterAsync(s => s == "Idle|", "idle", "ana-p1s");

        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));
        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [order], "Produced", TimeSpan.FromMinutes(2));

        var sent = farm.Printer.LastProjectFile!;
        Assert.True((bool)sent["use_ams"]!);
        Assert.Equal([1], ((JsonArray)sent["ams_mapping"]!).Select(n => (int)n!));
        Assert.Single(farm.Printer.PrintsStarted);
        Assert.Equal(0, farm.Printer.PausedForEmptyTray);

        var page = await MakerPageAsync(farm, "ana", "ana-p1s");
        Assert.Contains("AMS 1 · slot 1: PLA, white, 100\u00a0% left", page, StringComparison.Ordinal);
        Assert.Contains("AMS 1 · slot 2: PLA, black, 80\u00a0% left (printing from this)", page, StringComparison.Ordinal);
        Assert.Contains("External spool: PLA, white", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">000000<", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_order_whose_colour_no_tray_holds_goes_back_to_the_queue_and_the_maker_page_says_what_to_load()
    {
        await using var farm = await BambuShop.StartAsync(o => o.AmsTrays = [new(0, 0, "PLA", "FFFFFFFF", 100)]);
        await farm.RegisterForMakerAsync("ana", "ana-p1s", farm.Printer.AccessCode, colour: "black");
        await farm.WaitForPrinterAsync(s => s == "Idle|", "idle", "ana-p1s");

        var order = await ShopApi.PlaceOrderAsync(farm.Shop.Http, ShopApi.OrderBody(colour: "black"));

        await Eventually.UntilAsync(
            async () => await farm.Shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{order}' AND kind = 'Refused'") >= 1
                && await farm.Shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{order}' AND status = 'Queued'") == 1,
            TimeSpan.FromSeconds(60),
            "the refused job to be back in the queue");
        Assert.Null(farm.Printer.LastProjectFile);
        Assert.Empty(farm.Printer.PrintsStarted);
        Assert.Empty(Directory.GetFiles(farm.Storage));

        await Eventually.UntilAsync(
            async () => (await MakerPageAsync(farm, "ana", "ana-p1s")).Contains("A waiting job needs PLA, black: load it into the AMS", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the maker page to say what to load");

        // The maker loads black PLA into slot 3: the job prints from it.
        farm.Printer.LoadTray(new FakeBambuTray(0, 2, "PLA", "101010FF", 100));
        await ShopApi.WaitForOrdersAsync(farm.Shop.Http, [order], "Produced", TimeSpan.FromMinutes(2));
        Assert.Equal([2], ((JsonArray)farm.Printer.LastProjectFile!["ams_mapping"]!).Select(n => (int)n!));
        Assert.DoesNotContain("A waiting job needs", await MakerPageAsync(farm, "ana", "ana-p1s"), StringComparison.Ordinal);
    }

    private static async Task<string> MakerPageAsync(BambuShop farm, string maker, string printerId)
    {
        using var visitor = new StorefrontVisitor(farm.Shop);
        await visitor.GetAsync("/account/sign-in");
        using var signedIn = await visitor.PostAsync("/account/sign-in", [new("email", $"{maker}@makers.example"), new("password", MakerSession.Password), new("returnUrl", "/maker")]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var page = await visitor.GetAsync($"/maker/printers/{printerId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return WebUtility.HtmlDecode(visitor.Html);
    }
}
