using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Shipping.Shippo;
using MakerShop.Shipping.Tests.Fakes;

namespace MakerShop.EndToEnd.Tests.Shipping;

public sealed class ShippoFulfilmentTests
{
    private const string Token = "shippo_e2e_token";
    private const string WebhookSecret = "shippo-e2e-secret";

    [Fact]
    public async Task A_UK_order_under_135_pounds_ships_DDP_with_Shippo_and_a_failed_attempt_alerts_the_owner_before_delivery()
    {
        await using var shippo = new FakeShippo(Token);
        await shippo.StartAsync();
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs =
            [
                ShippingScenario.OwnerKeyArg,
                $"--MakerShop:Shipping:Shippo:BaseUrl={shippo.BaseAddress}",
                $"--MakerShop:Shipping:Shippo:ApiToken={Token}",
                $"--MakerShop:Shipping:Shippo:WebhookSecret={WebhookSecret}",
                "--MakerShop:Shipping:Customs:UkVatNumber=GB123456789",
            ],
        };
        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 1, "127.0.0.1", shop.Settings.MqttPort);
        ShippingScenario.ActAsOwner(shop);
        var orderId = await ShippingScenario.PrintToProducedAsync(shop, ShippingScenario.OrderTo("GB", "London", "EC1Y 8SY"));
        var shipment = await ShippingScenario.ShipmentOfAsync(shop, orderId);
        Assert.Equal("DDP", shipment["customs"]!["incoterm"]!.GetValue<string>());

        using (var labelled = await ShippingScenario.LabelAsync(shop, shipment["id"]!.GetValue<string>(), new { provider = "shippo" }))
        {
            Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        }

        Assert.Equal("DDP", Assert.Single(shippo.CreatedShipments)["customs_declaration"]!["incoterm"]!.GetValue<string>());
        var t0 = DateTimeOffset.UtcNow;
        using (var attempt = await PostTrackAsync(shop, "FAILURE", "delivery_attempted", t0.AddHours(1), signedAt: t0))
        {
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        Assert.Equal("Exception", (await ShippingScenario.ShipmentOfAsync(shop, orderId))["status"]!.GetValue<string>());

        // The same request captured and replayed ten minutes later is refused.
        using (var replayed = await PostTrackAsync(shop, "DELIVERED", null, t0.AddHours(2), signedAt: t0.AddMinutes(-10)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }

        using (var delivered = await PostTrackAsync(shop, "DELIVERED", null, t0.AddHours(3), signedAt: t0))
        {
            Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        }

        await ShippingScenario.WaitForOrderStatusAsync(shop, orderId, "Delivered");
        var mail = ShippingScenario.MailSubjects(shop);
        Assert.Contains(mail, s => s.StartsWith("There is a problem with your delivery", StringComparison.Ordinal));
        // The owner's alert names the order by its number, in words.
        Assert.Contains(mail, s => s.StartsWith("Order MS-", StringComparison.Ordinal) && s.EndsWith(": Delivery problem", StringComparison.Ordinal));
        Assert.Contains(mail, s => s.StartsWith("Your parcel was delivered", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> PostTrackAsync(TestShop shop, string status, string? substatus, DateTimeOffset at, DateTimeOffset signedAt)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["event"] = "track_updated",
            ["test"] = true,
            ["data"] = new JsonObject
            {
                ["carrier"] = "usps",
                ["tracking_number"] = "9400111206206406260787",
                ["tracking_status"] = new JsonObject
                {
                    ["status"] = status,
                    ["status_details"] = status,
                    ["status_date"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["substatus"] = substatus is null ? null : new JsonObject { ["code"] = substatus, ["text"] = substatus, ["action_required"] = true },
                },
                ["tracking_history"] = new JsonArray(),
            },
        }.ToJsonString());
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add(ShippoWebhook.SignatureHeader, ShippoWebhook.Sign(WebhookSecret, signedAt.ToUnixTimeSeconds(), body));
        return await shop.Http.PostAsync("/webhooks/shippo", content);
    }
}
