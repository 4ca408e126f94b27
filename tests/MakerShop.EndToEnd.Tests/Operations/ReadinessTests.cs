using System.Net;
using System.Text.Json;
using MakerShop.EndToEnd.Tests.Infrastructure;

namespace MakerShop.EndToEnd.Tests.Operations;

/// <summary>
/// /health says the process answers; /health/ready says the node can take orders: its database carries this build's
/// schema and the shop's MQTT client is connected to the broker. A load balancer sends traffic only to ready nodes.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_started_shop_is_ready_with_its_database_and_its_embedded_broker_named()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());

        JsonElement ready = default;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await shop.Http.GetAsync("/health/ready");
                ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(30),
            () => Task.FromResult("The shop never became ready: " + ready));

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Contains("schema version", ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
        Assert.Contains($":{shop.Settings.MqttPort}", ready.GetProperty("checks").GetProperty("broker").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_whose_external_broker_is_down_is_alive_but_not_ready_and_says_which_broker()
    {
        // Nothing listens on this port: the external broker is down.
        var settings = TestShopSettings.CreateTemporary() with { ExternalBroker = ("makershop-shop", "no broker answers this") };
        await using var shop = await TestShop.StartAsync(settings, keepPorts: true);

        using var alive = await shop.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        using var response = await shop.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", ready.GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        var broker = ready.GetProperty("checks").GetProperty("broker");
        Assert.Equal("Unhealthy", broker.GetProperty("status").GetString());
        Assert.Equal($"Not connected to the MQTT broker at 127.0.0.1:{settings.MqttPort}.", broker.GetProperty("description").GetString());
        Assert.DoesNotContain("no broker answers this", ready.ToString(), StringComparison.Ordinal);
    }
}
