using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

public sealed class AssignmentReasonTests
{
    [Fact]
    public async Task The_scheduler_says_why_each_job_went_to_its_printer_in_the_job_list_and_the_order_timeline()
    {
        var settings = TestShopSettings.CreateTemporary();
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);

        var orderId = await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody());
        await ShopApi.WaitForAnyJobAsync(shop.Http, "Printing", TimeSpan.FromSeconds(60));

        var job = JsonNode.Parse(await shop.Http.GetStringAsync("/api/jobs"))!.AsArray().Single(j => j!["orderId"]!.GetValue<string>() == orderId)!;
        var reason = job["assignmentReason"]!.GetValue<string>();
        var printerId = job["printerId"]!.GetValue<string>();
        Assert.Contains($"printer {printerId} of maker The shop (FR)", reason, StringComparison.Ordinal);
        Assert.Contains("ships domestic to FR", reason, StringComparison.Ordinal);
        Assert.Contains("PLA/black already loaded", reason, StringComparison.Ordinal);
        Assert.False(job["held"]!.GetValue<bool>());

        var timeline = (await ShopApi.GetOrderAsync(shop.Http, orderId))["timeline"]!.AsArray();
        Assert.Contains(timeline, e => e!["kind"]!.GetValue<string>() == "Assigned" && e["detail"]!.GetValue<string>() == reason);
    }
}
