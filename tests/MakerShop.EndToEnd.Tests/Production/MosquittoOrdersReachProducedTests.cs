using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Devices;

namespace MakerShop.EndToEnd.Tests.Production;

public sealed class MosquittoOrdersReachProducedTests
{
    [Fact]
    public async Task Five_orders_reach_Produced_with_the_shop_and_bridges_on_a_real_Mosquitto_configured_from_config()
    {
        // An external broker holds the secrets in its own password file, so they are provisioned before anything starts.
        var shopPassword = DeviceSecrets.NewSecret();
        var secrets = new[] { DeviceSecrets.NewSecret(), DeviceSecrets.NewSecret() };
        var users = new Dictionary<string, string>
        {
            ["makershop-shop"] = shopPassword,
            [TestFleet.PrinterId(0)] = secrets[0],
            [TestFleet.PrinterId(1)] = secrets[1],
        };
        await using var mosquitto = await MosquittoBroker.StartAsync(users);
        var settings = TestShopSettings.CreateTemporary() with { MqttPort = mosquitto.Port, ExternalBroker = ("makershop-shop", shopPassword) };

        await using var shop = await TestShop.StartAsync(settings);
        await using var fleet = await TestFleet.StartAsync(shop, 2, mosquitto.Host, mosquitto.Port, secrets);
        var orders = await FiveOrderScenario.PlaceFiveOrdersAsync(shop);

        await FiveOrderScenario.AssertAllProducedCorrectlyAsync(shop, fleet, orders);
    }
}
