using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Shipping.AfterShip;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Shipping;

public sealed class ManualCarrierFulfilmentTests
{
    private const string AfterShipSecret = "e2e-aftership-secret";

    [Fact]
    public async Task A_printed_order_to_the_US_is_declared_labelled_by_hand_and_delivered_through_AfterShip_webhooks()
    {
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = [ShippingScenario.OwnerKeyArg, $"--MakerShop:Shipping:AfterShip:WebhookSecret={AfterShipSecret}", "--MakerShop:Shipping:Customs:Eori:EU=FR12345678901234"],
        };
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        var orderId = await ShippingScenario.PrintToProducedAsync(shop, ShippingScenario.OrderTo("US", "Brooklyn", "11201", region: "NY"));

        // Produced: a draft shipment leaves France (where the printer is) with a CN 22 for the two cubes.
        var shipment = await ShippingScenario.ShipmentOfAsync(shop, orderId);
        var shipmentId = shipment["id"]!.GetValue<string>();
        Assert.Equal(("Draft", "FR", "US"), (Str(shipment, "status"), Str(shipment, "originCountry"), Str(shipment, "destinationCountry")));
        var customs = shipment["customs"]!;
        Assert.Equal(("CN22", "DAP", "FR12345678901234"), (Str(customs, "form"), Str(customs, "incoterm"), Str(customs, "eori")));
        var line = customs["lines"]![0]!;
        Assert.Equal(("3926.90", "FR", 2), (Str(line, "hsCode"), Str(line, "originCountry"), line["quantity"]!.GetValue<int>()));
        Assert.True(line["unitNetWeightGrams"]!.GetValue<double>() > 1, "the unit weight comes from the cube's G-code");
        Assert.True(shipment["parcels"]![0]!["weightGrams"]!.GetValue<double>() > 150, "parcel weight is the parts plus packaging");

        // Customers may read their order; only the owner labels, rates and prints.
        using (var anonymous = shop.Anonymous())
        using (var stranger = await anonymous.PostAsJsonAsync($"/api/shipments/{shipmentId}/label", new { carrier = "ups", trackingNumber = "1Z999AA10123456784" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        }

        ShippingScenario.ActAsOwner(shop);
        using (var cn23 = await shop.Http.GetAsync($"/api/shipments/{shipmentId}/documents/cn23.pdf"))
        {
            Assert.Equal("application/pdf", cn23.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await cn23.Content.ReadAsByteArrayAsync())[..4], StringComparison.Ordinal);
        }

        // A number with a wrong check digit is refused, naming the field; the real one ships the order.
        using (var typo = await ShippingScenario.LabelAsync(shop, shipmentId, new { carrier = "ups", trackingNumber = "1Z999AA10123456785" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
            Assert.Contains("trackingNumber", await typo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var labelled = await ShippingScenario.LabelAsync(shop, shipmentId, new { carrier = "ups", trackingNumber = "1Z 999 AA1 0123 4567 84" }))
        {
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        }

        await ShippingScenario.WaitForOrderStatusAsync(shop, orderId, "Shipped");

        var t0 = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await PostAfterShipAsync(shop, "evt-1", "InTransit", t0.AddHours(1), AfterShipSecret)).StatusCode);

        // A forged "delivered" is rejected and changes nothing.
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAfterShipAsync(shop, "evt-forged", "Delivered", t0.AddHours(2), "guessed-secret")).StatusCode);
        Assert.Equal("InTransit", Str(await ShippingScenario.ShipmentOfAsync(shop, orderId), "status"));

        // Delivered, then the same event again, then an older "out for delivery" arriving late: still Delivered.
        Assert.Equal(HttpStatusCode.OK, (await PostAfterShipAsync(shop, "evt-3", "Delivered", t0.AddHours(3), AfterShipSecret)).StatusCode);
        using (var again = await PostAfterShipAsync(shop, "evt-3", "Delivered", t0.AddHours(3), AfterShipSecret))
        {
            Assert.Contains("duplicate", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var late = await PostAfterShipAsync(shop, "evt-2", "OutForDelivery", t0.AddHours(2), AfterShipSecret))
        {
            Assert.Contains("Stale", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await ShippingScenario.WaitForOrderStatusAsync(shop, orderId, "Delivered");
        var delivered = await ShippingScenario.ShipmentOfAsync(shop, orderId);
        Assert.Equal(("Delivered", "Delivered", "Delivered_001"), (Str(delivered, "status"), Str(delivered, "rawStatus"), Str(delivered, "rawStatusDetail")));
        Assert.Equal(3, delivered["tracking"]!.AsArray().Count);
        Assert.Equal(3, await shop.CountAsync("SELECT COUNT(*) FROM webhook_inbox"));

        var mail = ShippingScenario.MailSubjects(shop);
        Assert.Equal(2, mail.Count);
        Assert.StartsWith("Your order has shipped", mail[0], StringComparison.Ordinal);
        Assert.StartsWith("Your parcel was delivered", mail[1], StringComparison.Ordinal);

        // The customer's private order page shows the parcel's scans, newest first, with the tracking number.
        var key = await shop.Services.GetRequiredService<MakerShop.Storage.Stores.OrderLinkStore>().IssueAsync(orderId, DateTimeOffset.UtcNow);
        var page = await shop.Http.GetStringAsync($"/orders/{orderId}?key={Uri.EscapeDataString(key)}");
        Assert.Contains("1Z999AA10123456784", page, StringComparison.Ordinal);
        var scans = System.Text.RegularExpressions.Regex.Matches(page, "<li data-status=\"([A-Za-z]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Delivered", "OutForDelivery", "InTransit"], scans);
    }

    private static async Task<HttpResponseMessage> PostAfterShipAsync(TestShop shop, string eventId, string tag, DateTimeOffset at, string secret)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event_id"] = eventId,
            ["event"] = "tracking_update",
            ["is_tracking_first_tag"] = true,
            ["ts"] = at.ToUnixTimeSeconds(),
            ["msg"] = new JsonObject
            {
                ["id"] = "as-1",
                ["tracking_number"] = "1Z999AA10123456784",
                ["slug"] = "ups",
                ["tag"] = tag,
                ["subtag"] = tag + "_001",
                ["updated_at"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture),
                ["checkpoints"] = new JsonArray(new JsonObject
                {
                    ["checkpoint_time"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["message"] = tag,
                    ["tag"] = tag,
                    ["city"] = "Brooklyn",
                }),
            },
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(AfterShipWebhook.SignatureHeader, AfterShipWebhook.Sign(secret, body));
        return await shop.Http.PostAsync("/webhooks/aftership", content);
    }

    private static string Str(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "(null)";
}
