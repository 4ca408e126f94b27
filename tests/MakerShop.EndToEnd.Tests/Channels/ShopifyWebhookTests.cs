using System.Net;
using System.Text.Json.Nodes;
using MakerShop.Channels;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Channels;

/// <summary>
/// Shopify webhooks at the door and after it, without printers: what is forged, unsigned or replayed stores nothing new;
/// an unmapped SKU holds the order and names the SKU; a cancel in Shopify cancels the shop's order; after a secret
/// rotation the previous secret still signs.
/// </summary>
public sealed class ShopifyWebhookTests : IAsyncLifetime
{
    private FakeShopify _fake = null!;
    private TestShop _shop = null!;

    public async Task InitializeAsync()
    {
        _fake = await ShopifyScenario.StartFakeAsync();
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ShopifyScenario.Args(_fake) });
        await ShopifyScenario.ConnectAsync(_shop);
    }

    public async Task DisposeAsync()
    {
        await _shop.DisposeAsync();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_forged_unsigned_or_replayed_delivery_stores_nothing_new_and_a_rotated_secret_still_signs_for_a_while()
    {
        using var http = _shop.Anonymous();
        var order = _fake.NewOrder(5001, "#1101", ("CUBE-CLASSIC", 1, "4.50"));

        using (var forged = await http.SendAsync(_fake.Delivery("orders/create", order, "wh-forged", secret: "guessed-secret")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
            Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
            Assert.Contains("signature", JsonNode.Parse(await forged.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }

        using (var unsigned = await http.SendAsync(_fake.Delivery("orders/create", order, "wh-unsigned", sign: false)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        }

        // A body changed after signing is a forgery too.
        var tampered = _fake.Delivery("orders/create", order, "wh-tampered");
        var signature = tampered.Headers.GetValues("X-Shopify-Hmac-SHA256").Single();
        using var retargeted = _fake.Delivery("orders/create", _fake.NewOrder(5002, "#1102", ("CUBE-CLASSIC", 50, "0.01")), "wh-tampered", sign: false);
        retargeted.Headers.Add("X-Shopify-Hmac-SHA256", signature);
        using (var changed = await http.SendAsync(retargeted))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
        }

        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM channel_deliveries"));

        using (var first = await http.SendAsync(_fake.Delivery("orders/create", order, "wh-1101")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var orderId = await ShopifyScenario.OrderIdOfAsync(_shop, 5001);
        Assert.Contains("#1101 placed as order", await ShopifyScenario.DeliveryAsync(_shop, "wh-1101", "Processed"), StringComparison.Ordinal);

        // Shopify retries the same delivery: answered 200, nothing stored or placed again.
        using (var replayed = await http.SendAsync(_fake.Delivery("orders/create", order, "wh-1101")))
        {
            Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
            Assert.Equal("duplicate", JsonNode.Parse(await replayed.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
        }

        // A second subscription delivers the same order under another webhook id: stored, but the order stays one.
        using (var again = await http.SendAsync(_fake.Delivery("orders/create", order, "wh-1101-second")))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Contains("already placed", await ShopifyScenario.DeliveryAsync(_shop, "wh-1101-second", "Processed"), StringComparison.Ordinal);
        Assert.Equal(2, await _shop.CountAsync("SELECT COUNT(*) FROM channel_deliveries"));
        Assert.Equal(1, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));
        var line = (await ShopApi.GetOrderAsync(_shop.Http, orderId))["lines"]![0]!;
        Assert.Equal(("calibration-cube", "white"), (line["productId"]!.GetValue<string>(), line["colour"]!.GetValue<string>()));

        // The owner pastes a new secret: Shopify may sign with the old one for up to an hour, and that is accepted.
        await _shop.Services.GetRequiredService<ChannelConnectionStore>().SaveAsync(SalesChannels.Shopify, ShopifyScenario.Domain, "shpss_rotated", null, DateTimeOffset.UtcNow);
        using (var oldSecret = await http.SendAsync(_fake.Delivery("orders/updated", order, "wh-1101-updated")))
        {
            Assert.Equal(HttpStatusCode.OK, oldSecret.StatusCode);
        }

        using (var newSecret = await http.SendAsync(_fake.Delivery("orders/updated", order, "wh-1101-updated-2", secret: "shpss_rotated")))
        {
            Assert.Equal(HttpStatusCode.OK, newSecret.StatusCode);
        }
    }

    [Fact]
    public async Task An_unmapped_SKU_holds_the_order_naming_it_and_a_cancel_in_Shopify_cancels_the_order()
    {
        using var http = _shop.Anonymous();
        var unmapped = _fake.NewOrder(6001, "#1201", ("calibration-cube-PLA-black", 1, "4.50"), ("MYSTERY-VASE", 1, "12.00"));
        using (var held = await http.SendAsync(_fake.Delivery("orders/create", unmapped, "wh-1201")))
        {
            Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        }

        var outcome = await ShopifyScenario.DeliveryAsync(_shop, "wh-1201", "Held");
        Assert.Contains("SKU 'MYSTERY-VASE'", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("calibration-cube-PLA-black", outcome, StringComparison.Ordinal);
        Assert.Equal(0, await _shop.CountAsync("SELECT COUNT(*) FROM orders"));

        var order = _fake.NewOrder(6002, "#1202", ("calibration-cube-PETG-orange", 3, "5.00"));
        using (await http.SendAsync(_fake.Delivery("orders/create", order, "wh-1202")))
        {
        }

        var orderId = await ShopifyScenario.OrderIdOfAsync(_shop, 6002);
        Assert.Equal("Paid", (await ShopApi.GetOrderAsync(_shop.Http, orderId))["status"]!.GetValue<string>());
        Assert.Equal(3, await _shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Queued'"));

        using (var cancelled = await http.SendAsync(_fake.Delivery("orders/cancelled", FakeShopify.Cancelled(order), "wh-1202-cancel")))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        Assert.Contains("Order cancelled", await ShopifyScenario.DeliveryAsync(_shop, "wh-1202-cancel", "Processed"), StringComparison.Ordinal);
        Assert.Equal("Cancelled", (await ShopApi.GetOrderAsync(_shop.Http, orderId))["status"]!.GetValue<string>());
        Assert.Equal(0, await _shop.CountAsync($"SELECT COUNT(*) FROM print_jobs WHERE order_id = '{orderId}' AND status = 'Queued'"));
    }
}
