using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Production;

/// <summary>Five orders on two printers, from HTTP checkout to Produced, audited afterwards. Shared by the broker variants.</summary>
internal static class FiveOrderScenario
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static async Task<List<string>> PlaceFiveOrdersAsync(TestShop shop)
    {
        var orders = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            orders.Add(await ShopApi.PlaceOrderAsync(shop.Http, ShopApi.OrderBody()));
        }

        return orders;
    }

    public static async Task AssertAllProducedCorrectlyAsync(TestShop shop, TestFleet fleet, IReadOnlyList<string> orders)
    {
        await ShopApi.WaitForOrdersAsync(shop.Http, orders, "Produced", Deadline);
        var runs = await ProductionAudit.LoadJobsAsync(shop.Settings.DataDirectory);

        // Every unit printed exactly once.
        var completedPerUnit = runs.Where(r => r.Status == "Completed").GroupBy(r => (r.OrderId, r.UnitIndex)).ToList();
        Assert.Equal(orders.Count, completedPerUnit.Count);
        Assert.All(completedPerUnit, unit => Assert.Single(unit));

        ProductionAudit.AssertNoPrinterRanTwoJobsAtOnce(runs);
        ProductionAudit.AssertPrintersExecutedExactlyTheirJobs(runs, fleet, shop.Settings.DataDirectory);
    }
}
