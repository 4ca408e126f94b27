using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Shipping;

/// <summary>Steps shared by the fulfilment scenarios: an order printed to Produced, the owner's label, the customer's mail.</summary>
internal static class ShippingScenario
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public const string OwnerKey = TestShopSettings.OwnerKey;

    public const string OwnerKeyArg = "--MakerShop:Owner:ApiKey=" + OwnerKey;

    /// <summary>From here on the test's client calls the API as the owner's tools do.</summary>
    /// <summary>Every test host's <see cref="TestShop.Http"/> already calls as the owner; this only checks it does.</summary>
    public static void ActAsOwner(TestShop shop) => Assert.Contains(OwnerKey, shop.Http.DefaultRequestHeaders.GetValues("X-Owner-Key"));

    public static JsonObject OrderTo(string countryCode, string city, string postalCode, string? region = null)
    {
        var body = ShopApi.OrderBody("calibration-cube", quantity: 2);
        body["shippingAddress"]!["countryCode"] = countryCode;
        body["shippingAddress"]!["city"] = city;
        body["shippingAddress"]!["postalCode"] = postalCode;
        body["shippingAddress"]!["line1"] = "1 Test Street";
        if (region is not null)
        {
            body["shippingAddress"]!["region"] = region;
        }

        return body;
    }

    public static async Task<string> PrintToProducedAsync(TestShop shop, JsonObject order)
    {
        var id = await ShopApi.PlaceOrderAsync(shop.Http, order);
        await ShopApi.WaitForOrdersAsync(shop.Http, [id], "Produced", Deadline);
        return id;
    }

    public static async Task<JsonNode> ShipmentOfAsync(TestShop shop, string orderId) =>
        (await ShopApi.GetOrderAsync(shop.Http, orderId))["shipment"]
            ?? throw new Xunit.Sdk.XunitException($"Order {orderId} has no shipment in GET /api/orders/{orderId}.");

    public static async Task<HttpResponseMessage> LabelAsync(TestShop shop, string shipmentId, object body) =>
        await shop.Http.PostAsJsonAsync($"/api/shipments/{shipmentId}/label", body);

    public static Task WaitForOrderStatusAsync(TestShop shop, string orderId, string status) =>
        ShopApi.WaitForOrdersAsync(shop.Http, [orderId], status, TimeSpan.FromSeconds(30));

    /// <summary>The subjects of the .eml files the shop wrote (no SMTP host is configured in tests).</summary>
    public static IReadOnlyList<string> MailSubjects(TestShop shop)
    {
        var folder = Path.Combine(shop.Settings.DataDirectory, "mail");
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
                .Select(f => MimeKit.MimeMessage.Load(f).Subject ?? string.Empty)]
            : [];
    }
}
