using MakerShop.Channels.Shopify;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.EndToEnd.Tests.Channels;

/// <summary>
/// The Admin GraphQL calls against the fake Shopify: the token header and the pinned version are what Shopify checks;
/// a refusal, a 429 and userErrors come back as "not yet" with the reason; an order fulfilled by hand counts as done.
/// </summary>
public sealed class ShopifyAdminClientTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private FakeShopify _fake = null!;

    public async Task InitializeAsync() => _fake = await ShopifyScenario.StartFakeAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task A_fulfilment_goes_to_the_open_fulfillment_order_with_tracking_and_only_with_the_right_token_and_version()
    {
        _fake.NewOrder(7001, "#1301", ("CUBE-CLASSIC", 1, "4.50"));
        var tracking = new ShopifyTracking("DHL Express", "1234567890", "https://www.dhl.com/track?AWB=1234567890");

        var wrongToken = await Client(ShopifyScenario.ApiVersion).FulfilAsync(Connection("shpat_wrong"), "7001", tracking);
        Assert.Contains("access token", Assert.IsType<ShopifyFulfilmentResult.NotYet>(wrongToken).Reason, StringComparison.Ordinal);

        var wrongVersion = await Client("2025-01").FulfilAsync(Connection(ShopifyScenario.Token), "7001", tracking);
        Assert.Contains("404", Assert.IsType<ShopifyFulfilmentResult.NotYet>(wrongVersion).Reason, StringComparison.Ordinal);
        Assert.Empty(_fake.Fulfilments);

        _fake.ThrottleNext(1);
        var throttled = Assert.IsType<ShopifyFulfilmentResult.NotYet>(await Client(ShopifyScenario.ApiVersion).FulfilAsync(Connection(ShopifyScenario.Token), "7001", tracking));
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.RetryAfter);

        var accepted = await Client(ShopifyScenario.ApiVersion).FulfilAsync(Connection(ShopifyScenario.Token), "7001", tracking);
        Assert.StartsWith("gid://shopify/Fulfillment/", Assert.IsType<ShopifyFulfilmentResult.Accepted>(accepted).FulfilmentId, StringComparison.Ordinal);
        var recorded = Assert.Single(_fake.Fulfilments);
        Assert.Equal((7001L, "DHL Express", "1234567890", "https://www.dhl.com/track?AWB=1234567890"), (recorded.OrderId, recorded.Company, recorded.Number, recorded.Url));

        // Sent again (its answer was lost, say): the fulfillment order is closed now, so it counts as done, not as a second fulfilment.
        var again = await Client(ShopifyScenario.ApiVersion).FulfilAsync(Connection(ShopifyScenario.Token), "7001", tracking);
        Assert.IsType<ShopifyFulfilmentResult.Accepted>(again);
        Assert.Single(_fake.Fulfilments);
    }

    [Fact]
    public async Task An_order_Shopify_does_not_have_is_not_fulfilled_and_says_why()
    {
        var result = await Client(ShopifyScenario.ApiVersion).FulfilAsync(Connection(ShopifyScenario.Token), "999", new ShopifyTracking("UPS", "1Z999AA10123456784", null));
        Assert.Contains("no order 999", Assert.IsType<ShopifyFulfilmentResult.NotYet>(result).Reason, StringComparison.Ordinal);
    }

    private ShopifyAdminClient Client(string version) =>
        new(_http, Options.Create(new ShopifyOptions { ApiVersion = version, AdminBaseUrl = _fake.BaseAddress.ToString() }));

    private static ChannelConnection Connection(string token) =>
        new("Shopify", ShopifyScenario.Domain, ShopifyScenario.Secret, null, null, token, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
}
