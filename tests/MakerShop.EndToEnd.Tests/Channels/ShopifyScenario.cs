using MakerShop.Channels;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Channels;

/// <summary>A shop pointed at a fake Shopify store and connected to it as the owner does on the Channels page.</summary>
internal static class ShopifyScenario
{
    public const string ApiVersion = "2026-10";
    public const string Domain = "makers-corner.myshopify.com";
    public const string Secret = "shpss_e2e-webhook-secret";
    public const string Token = "shpat_e2e-admin-token";

    public static async Task<FakeShopify> StartFakeAsync()
    {
        var fake = new FakeShopify(Domain, Secret, Token, ApiVersion);
        await fake.StartAsync();
        return fake;
    }

    public static string[] Args(FakeShopify fake) =>
    [
        "--MakerShop:Channels:Shopify:AdminBaseUrl=" + fake.BaseAddress.ToString().TrimEnd('/'),
        "--MakerShop:Channels:Shopify:ApiVersion=" + ApiVersion,
        "--MakerShop:Channels:Shopify:PollInterval=00:00:01",
        "--MakerShop:Channels:Shopify:RetryFirstDelay=00:00:01",
        "--MakerShop:Channels:Shopify:Skus:CUBE-CLASSIC:Product=calibration-cube",
        "--MakerShop:Channels:Shopify:Skus:CUBE-CLASSIC:Material=PLA",
        "--MakerShop:Channels:Shopify:Skus:CUBE-CLASSIC:Colour=white",
    ];

    public static Task ConnectAsync(TestShop shop) =>
        shop.Services.GetRequiredService<ChannelConnectionStore>().SaveAsync(SalesChannels.Shopify, Domain, Secret, Token, DateTimeOffset.UtcNow);

    public static async Task<string> OrderIdOfAsync(TestShop shop, long shopifyId)
    {
        string? orderId = null;
        await Eventually.UntilAsync(
            async () => (orderId = await shop.TextAsync($"SELECT order_id FROM channel_orders WHERE channel = 'Shopify' AND external_id = '{shopifyId}'")) is not null,
            TimeSpan.FromSeconds(20),
            async () => $"Shopify order {shopifyId} was not placed; deliveries: {await shop.TextAsync("SELECT group_concat(state || ': ' || COALESCE(outcome, ''), ' | ') FROM channel_deliveries")}");
        return orderId!;
    }

    public static async Task<string> DeliveryAsync(TestShop shop, string webhookId, string state)
    {
        string? outcome = null;
        await Eventually.UntilAsync(
            async () => (outcome = await shop.TextAsync($"SELECT outcome FROM channel_deliveries WHERE webhook_id = '{webhookId}' AND state = '{state}'")) is not null,
            TimeSpan.FromSeconds(20),
            async () => $"delivery {webhookId} did not become {state}: {await shop.TextAsync($"SELECT state || ': ' || COALESCE(outcome, '') FROM channel_deliveries WHERE webhook_id = '{webhookId}'")}");
        return outcome!;
    }
}
