using System.Net;
using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Mqtt;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>
/// Failed logins to the embedded broker are throttled per address and username (here 3 per window) and per address
/// (here 5), with logging that a flood cannot swell.
/// </summary>
public sealed class BrokerLoginThrottleTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private TestShop _shop = null!;
    private DeviceCredentials _printer = null!;
    private DeviceCredentials _neighbour = null!;

    public async Task InitializeAsync()
    {
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:Mqtt:LoginFailuresPerWindow=3", "--MakerShop:Mqtt:LoginFailuresPerAddressPerWindow=5"],
        });
        var registry = _shop.Services.GetRequiredService<PrinterRegistry>();
        _printer = await registry.RegisterAsync(Registration("throttled-printer"));
        _neighbour = await registry.RegisterAsync(Registration("neighbour-printer"));
        var shopClient = _shop.Services.GetRequiredService<ShopMqttClient>();
        await Eventually.UntilAsync(() => shopClient.IsConnected, Timeout, "the shop's MQTT client is connected");
    }

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Failed_logins_are_refused_unchecked_after_the_limit_per_username_then_per_address_and_never_lock_out_the_shop()
    {
        var wrong = new List<MqttClientConnectResultCode>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add(await ConnectAsync(_printer.PrinterId, "not-the-secret", "127.0.0.1"));
        }

        var flood = new List<MqttClientConnectResultCode>();
        for (var i = 0; i < 40; i++)
        {
            flood.Add(await ConnectAsync(_printer.PrinterId, "not-the-secret", "127.0.0.1"));
        }

        var rightSecretFromBlockedAddress = await ConnectAsync(_printer.PrinterId, _printer.Secret, "127.0.0.1");
        var rightSecretFromAnotherAddress = await ConnectAsync(_printer.PrinterId, _printer.Secret, "127.0.0.2");
        var neighbourBeforeSpray = await ConnectAsync(_neighbour.PrinterId, _neighbour.Secret, "127.0.0.1");
        // Two more failures under other usernames make 5 from 127.0.0.1: now nobody logs in from there.
        var spray = new[] { await ConnectAsync("sprayed-1", "guess", "127.0.0.1"), await ConnectAsync("sprayed-2", "guess", "127.0.0.1") };
        var neighbourAfterSpray = await ConnectAsync(_neighbour.PrinterId, _neighbour.Secret, "127.0.0.1");

        Assert.All(wrong, code => Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code));
        Assert.All(flood, code => Assert.Equal(MqttClientConnectResultCode.ConnectionRateExceeded, code));
        Assert.Equal(MqttClientConnectResultCode.ConnectionRateExceeded, rightSecretFromBlockedAddress);
        Assert.Equal(MqttClientConnectResultCode.Success, rightSecretFromAnotherAddress);
        Assert.Equal(MqttClientConnectResultCode.Success, neighbourBeforeSpray);
        Assert.All(spray, code => Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, code));
        Assert.Equal(MqttClientConnectResultCode.ConnectionRateExceeded, neighbourAfterSpray);
        Assert.True(_shop.Services.GetRequiredService<ShopMqttClient>().IsConnected);

        // Each failure once, naming the username and where it came from; one line per block; nothing per flood attempt.
        var failures = ShopLog.Lines(_shop, "refused the login of throttled-printer");
        Assert.Equal(3, failures.Count);
        Assert.All(failures, l => Assert.Contains("from 127.0.0.1:", l, StringComparison.Ordinal));
        Assert.All(failures, l => Assert.DoesNotContain("not-the-secret", l, StringComparison.Ordinal));
        Assert.Single(ShopLog.Lines(_shop, "refuses logins of throttled-printer from 127.0.0.1 unchecked"));
        Assert.Single(ShopLog.Lines(_shop, "refuses all logins from 127.0.0.1 unchecked"));
    }

    private static PrinterRegistration Registration(string id) =>
        new(id, id, PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true);

    private async Task<MqttClientConnectResultCode> ConnectAsync(string username, string secret, string fromAddress)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _shop.Settings.MqttPort)
            .WithClientId(username)
            .WithCredentials(username, secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(Timeout)
            .Build();
        ((MqttClientTcpOptions)options.ChannelOptions).LocalEndpoint = new IPEndPoint(IPAddress.Parse(fromAddress), 0);
        var result = await client.ConnectAsync(options).WaitAsync(Timeout);
        if (client.IsConnected)
        {
            await client.DisconnectAsync();
        }

        return result.ResultCode;
    }
}
