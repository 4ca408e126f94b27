using System.Net;
using System.Net.Sockets;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Mqtt;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>
/// The embedded broker listens on the configured address only. Bound to 127.0.0.1 it opens nothing on IPv6 (see
/// <see cref="EmbeddedBrokerAttackTests"/>); bound to ::1 it opens nothing on IPv4, and the shop still reaches it.
/// </summary>
public sealed class EmbeddedBrokerBindingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_broker_bound_to_IPv6_loopback_does_not_listen_on_IPv4_and_the_shop_connects_to_it()
    {
        await using var shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with { ExtraArgs = ["--MakerShop:Mqtt:Host=::1"] });
        var shopClient = shop.Services.GetRequiredService<ShopMqttClient>();
        await Eventually.UntilAsync(() => shopClient.IsConnected, Timeout, "the shop's MQTT client is connected over IPv6");

        using var v6 = new TcpClient(AddressFamily.InterNetworkV6);
        await v6.ConnectAsync(IPAddress.IPv6Loopback, shop.Settings.MqttPort).WaitAsync(Timeout);
        using var v4 = new TcpClient(AddressFamily.InterNetwork);
        var refused = await Assert.ThrowsAsync<SocketException>(() => v4.ConnectAsync(IPAddress.Loopback, shop.Settings.MqttPort).WaitAsync(Timeout));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }
}
