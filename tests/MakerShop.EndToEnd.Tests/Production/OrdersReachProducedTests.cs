using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

public sealed class OrdersReachProducedTests
{
    [Fact]
    public async Task Five_orders_on_two_virtual_printers_all_reach_Produced_with_every_line_printed_once_and_in_order()
    {
        var settings = TestShopSettings.CreateTemporary();
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 2, "127.0.0.1", shop.Settings.MqttPort);

        var orders = await FiveOrderScenario.PlaceFiveOrdersAsync(shop);

        await FiveOrderScenario.AssertAllProducedCorrectlyAsync(shop, fleet, orders);
    }

    [Fact]
    public async Task A_host_stopped_mid_print_and_started_again_on_the_same_database_loses_and_repeats_nothing()
    {
        var settings = TestShopSettings.CreateTemporary();
        var first = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(first, 2, "127.0.0.1", first.Settings.MqttPort);
        var orders = await FiveOrderScenario.PlaceFiveOrdersAsync(first);
        await ShopApi.WaitForAnyJobAsync(first.Http, "Printing", TimeSpan.FromSeconds(60));

        // The shop goes away mid-print (its embedded broker with it); the printers and their bridges carry on, and at
        // least one job finishes while nobody is listening, so its outcome can only arrive after the restart.
        var finishedBefore = FinishedPrints(fleet);
        await first.StopAsync();
        await first.DisposeAsync();
        await Eventually.UntilAsync(() => FinishedPrints(fleet) > finishedBefore, TimeSpan.FromSeconds(60), "a print to finish while the shop was down");

        await using var second = await TestShop.StartAsync(first.Settings, keepPorts: true);
        await FiveOrderScenario.AssertAllProducedCorrectlyAsync(second, fleet, orders);
        Assert.Equal(5, await second.CountAsync("SELECT COUNT(*) FROM orders"));
    }

    /// <summary>Every demo program ends with M84 (motors off), so the count of executed M84s is the count of finished prints.</summary>
    private static int FinishedPrints(TestFleet fleet) => fleet.Members.Sum(m => m.Printer.ExecutedCommands.Count(c => c == "M84"));
}
