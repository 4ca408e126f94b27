using System.Net;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.EndToEnd.Tests.Shipping;

namespace MakerShop.EndToEnd.Tests.Channels;

/// <summary>
/// The whole Shopify path: an order paid in Shopify arrives through the signed webhook, is printed on the fleet like a
/// storefront order, is labelled by the owner, and Shopify receives the fulfilment with the tracking, even though it
/// first answers 429.
/// </summary>
public sealed class ShopifyOrderToFulfilmentTests
{
    [Fact]
    public async Task A_Shopify_order_is_printed_shipped_and_its_tracking_reaches_Shopify()
    {
        await using var fake = await ShopifyScenario.StartFakeAsync();
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ShopifyScenario.Args(fake) });
        await ShopifyScenario.ConnectAsync(shop);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);

        // Two cubes by the suffix rule (product-material-colour); EUR prices, tax and shipping as Shopify charged them.
        var order = fake.NewOrder(820982911946154508, "#1001", ("calibration-cube-PLA-black", 2, "6.50"));
        using (var delivered = await shop.Anonymous().SendAsync(fake.Delivery("orders/create", order, "wh-create-1001")))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
            Assert.Equal("stored", JsonNode.Parse(await delivered.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        }

        var orderId = await ShopifyScenario.OrderIdOfAsync(shop, 820982911946154508);
        var placed = await ShopApi.GetOrderAsync(shop.Http, orderId);
        var line = placed["lines"]![0]!;
        Assert.Equal(("calibration-cube", "PLA", "black", 2), (line["productId"]!.GetValue<string>(), line["material"]!.GetValue<string>(), line["colour"]!.GetValue<string>(), line["quantity"]!.GetValue<int>()));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM channel_orders WHERE order_id = '{orderId}' AND external_number = '#1001' AND currency = 'EUR' AND subtotal_minor = 1300 AND shipping_minor = 490 AND total_minor = 1790 AND tax_minor = 298"));
        Assert.Equal(1, await shop.CountAsync($"SELECT COUNT(*) FROM timeline_events WHERE order_id = '{orderId}' AND kind = 'Paid' AND detail LIKE 'paid in Shopify: %'"));

        await ShopApi.WaitForOrdersAsync(shop.Http, [orderId], "Produced", ShippingScenario.Deadline);

        // The owner labels the parcel; Shopify first says "slow down", then takes the fulfilment with the tracking.
        fake.ThrottleNext(1);
        var shipmentId = (await ShippingScenario.ShipmentOfAsync(shop, orderId))["id"]!.GetValue<string>();
        using (var labelled = await ShippingScenario.LabelAsync(shop, shipmentId, new { carrier = "ups", trackingNumber = "1Z999AA10123456784" }))
        {
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        }

        await Eventually.UntilAsync(() => !fake.Fulfilments.IsEmpty, TimeSpan.FromSeconds(20), "Shopify received no fulfilment");
        var fulfilment = Assert.Single(fake.Fulfilments);
        Assert.Equal((820982911946154508L, "UPS", "1Z999AA10123456784", true), (fulfilment.OrderId, fulfilment.Company, fulfilment.Number, fulfilment.NotifyCustomer));
        Assert.Contains("throttled", fake.Refusals);
        await Eventually.UntilAsync(
            async () => await shop.CountAsync("SELECT COUNT(*) FROM channel_fulfilments WHERE state = 'Sent' AND attempts = 2 AND external_fulfilment_id LIKE 'gid://shopify/Fulfillment/%'") == 1,
            TimeSpan.FromSeconds(10),
            "the outbox did not record Shopify's acceptance on the second attempt");
    }
}
