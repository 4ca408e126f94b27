using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Shipping.Tests.Fakes;
using MakerShop.Web.Shipping;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace MakerShop.EndToEnd.Tests.Shipping;

public sealed class EasyPostFulfilmentTests
{
    private const string ApiKey = "EZTK_e2e";
    private const string WebhookSecret = "e2e-sécret";

    [Fact]
    public async Task A_printed_order_to_Switzerland_gets_an_EasyPost_label_and_is_delivered_through_webhooks_and_polling()
    {
        await using var easyPost = new FakeEasyPost(ApiKey);
        await easyPost.StartAsync();
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                ShippingScenario.OwnerKeyArg,
                $"--MakerShop:Shipping:EasyPost:BaseUrl={easyPost.BaseAddress}",
                $"--MakerShop:Shipping:EasyPost:ApiKey={ApiKey}",
                $"--MakerShop:Shipping:EasyPost:WebhookSecret={WebhookSecret}",
                "--MakerShop:Shipping:EasyPost:PollTrackers=true",
            ],
        };
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        ShippingScenario.ActAsOwner(shop);

        // The owner classifies the cube as an ornament and records what one weighs; a malformed HS code is refused.
        using (var bad = await shop.Http.PutAsJsonAsync("/api/products/calibration-cube/customs", new { hsCode = "39.26" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var set = await shop.Http.PutAsJsonAsync("/api/products/calibration-cube/customs", new { hsCode = "3926.40", netWeightGrams = 7.5 }))
        {
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }

        var orderId = await ShippingScenario.PrintToProducedAsync(shop, ShippingScenario.OrderTo("CH", "Genève", "1201"));
        var shipmentId = (await ShippingScenario.ShipmentOfAsync(shop, orderId))["id"]!.GetValue<string>();

        using (var rates = await shop.Http.GetAsync($"/api/shipments/{shipmentId}/rates"))
        {
            var quotes = JsonNode.Parse(await rates.Content.ReadAsStringAsync())!.AsArray();
            Assert.Contains(quotes, q => q!["source"]!.GetValue<string>() == "rate-table" && q["carrier"]!.GetValue<string>() == "colissimo");
            Assert.Contains(quotes, q => q!["source"]!.GetValue<string>() == "easypost" && q["carrier"]!.GetValue<string>() == "USPS");
        }

        using (var labelled = await ShippingScenario.LabelAsync(shop, shipmentId, new { provider = "easypost" }))
        {
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        }

        await ShippingScenario.WaitForOrderStatusAsync(shop, orderId, "Shipped");
        var shipment = await ShippingScenario.ShipmentOfAsync(shop, orderId);
        Assert.Equal(("LabelCreated", "easypost", "USPS"), (Str(shipment, "status"), Str(shipment, "provider"), Str(shipment, "carrier")));
        var sent = easyPost.CreatedShipments.Last()["shipment"]!;
        var item = sent["customs_info"]!["customs_items"]![0]!;
        Assert.Equal(("CH", "392640"), (sent["to_address"]!["country"]!.GetValue<string>(), item["hs_tariff_number"]!.GetValue<string>()));
        Assert.Equal(0.529, item["weight"]!.GetValue<double>(), 3);   // 2 x 7.5 g as ounces, the line total EasyPost wants
        Assert.Equal(("CN22", "DAP"), (Str(shipment["customs"]!, "form"), Str(shipment["customs"]!, "incoterm")));

        var trackerId = Assert.Single(easyPost.TrackerIds);
        var webhook = new Uri(shop.Http.BaseAddress!, "/webhooks/easypost");
        var t0 = DateTimeOffset.UtcNow;
        using (var moving = await easyPost.PushTrackerUpdateAsync(shop.Http, webhook, WebhookSecret, trackerId, "in_transit", t0.AddHours(1)))
        {
            Assert.Equal(HttpStatusCode.OK, moving.StatusCode);
        }

        using (var forged = await easyPost.PushTrackerUpdateAsync(shop.Http, webhook, "not-the-secret", trackerId, "delivered", t0.AddHours(2)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }

        using (var out4 = await easyPost.PushTrackerUpdateAsync(shop.Http, webhook, WebhookSecret, trackerId, "out_for_delivery", t0.AddHours(3), eventId: "evt_ofd"))
        {
            Assert.Equal(HttpStatusCode.OK, out4.StatusCode);
        }

        using (var replay = await easyPost.PushTrackerUpdateAsync(shop.Http, webhook, WebhookSecret, trackerId, "out_for_delivery", t0.AddHours(3), eventId: "evt_ofd"))
        {
            Assert.Contains("duplicate", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("OutForDelivery", Str(await ShippingScenario.ShipmentOfAsync(shop, orderId), "status"));

        // The delivery scan reaches the shop by polling: EasyPost knows it, no webhook says it.
        easyPost.SetTrackerStatus(trackerId, "delivered", t0.AddHours(4));
        var scheduler = await shop.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(TrackingPollJob.Key);
        await ShippingScenario.WaitForOrderStatusAsync(shop, orderId, "Delivered");

        var delivered = await ShippingScenario.ShipmentOfAsync(shop, orderId);
        Assert.Equal(("Delivered", "delivered"), (Str(delivered, "status"), Str(delivered, "rawStatus")));
        Assert.True(delivered["tracking"]!.AsArray().Count >= 3);
        var mail = ShippingScenario.MailSubjects(shop);
        Assert.Equal(3, mail.Count);
        Assert.StartsWith("Your order has shipped", mail[0], StringComparison.Ordinal);
        Assert.StartsWith("Your parcel is out for delivery", mail[1], StringComparison.Ordinal);
        Assert.StartsWith("Your parcel was delivered", mail[2], StringComparison.Ordinal);
    }

    private static string Str(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "(null)";
}
