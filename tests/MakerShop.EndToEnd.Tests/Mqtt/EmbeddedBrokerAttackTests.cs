using System.Net;
using System.Net.Sockets;
using System.Text;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Printers.Mqtt;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Broker;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>
/// The attacks of issue 19 against the real embedded broker: taking over the shop's session with a printer login,
/// oversized packets and payloads, and the IPv6 socket nobody asked for.
/// </summary>
public sealed class EmbeddedBrokerAttackTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly List<IMqttClient> _clients = [];
    private TestShop _shop = null!;
    private DeviceCredentials _p1 = null!;
    private DeviceCredentials _p2 = null!;

    public async Task InitializeAsync()
    {
        _shop = await TestShop.StartAsync(TestShopSettings.CreateTemporary());
        var registry = _shop.Services.GetRequiredService<PrinterRegistry>();
        _p1 = await registry.RegisterAsync(Registration("atk-printer-1"));
        _p2 = await registry.RegisterAsync(Registration("atk-printer-2"));
        var shopClient = _shop.Services.GetRequiredService<ShopMqttClient>();
        await Eventually.UntilAsync(() => shopClient.IsConnected, Timeout, "the shop's MQTT client is connected");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _shop.DisposeAsync();
    }

    [Fact]
    public void The_shops_client_id_is_random_kept_in_the_data_folder_and_not_the_machine_name()
    {
        var account = _shop.Services.GetRequiredService<ShopBrokerAccount>();

        Assert.Matches("^makershop-shop-[0-9a-f]{32}$", account.ClientId);
        Assert.NotEqual("makershop-shop-" + Environment.MachineName, account.ClientId);
        Assert.Equal(account.ClientId, "makershop-shop-" + File.ReadAllText(Path.Combine(_shop.Settings.DataDirectory, ShopClientId.FileName)));
        Assert.Equal(account.ClientId, ShopClientId.LoadOrCreate(_shop.Settings.DataDirectory, "makershop-shop"));
    }

    [Fact]
    public async Task A_printer_presenting_the_shops_client_id_with_its_own_secret_is_refused_and_the_shop_keeps_its_session()
    {
        var account = _shop.Services.GetRequiredService<ShopBrokerAccount>();
        var shopClient = _shop.Services.GetRequiredService<ShopMqttClient>();

        var (_, withShopsId) = await ConnectAsync(_p1.PrinterId, _p1.Secret, account.ClientId);
        var (_, withOldShopId) = await ConnectAsync(_p1.PrinterId, _p1.Secret, "makershop-shop-" + Environment.MachineName);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, withShopsId.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, withOldShopId.ResultCode);
        Assert.True(shopClient.IsConnected);
        // The shop's session still delivers: another printer's state reaches the shop's handler and is stored.
        var (p2, _) = await ConnectAsync(_p2.PrinterId, _p2.Secret);
        await p2.PublishAsync(StateMessage(_p2.PrinterId, padding: 0));
        await Eventually.UntilAsync(async () => await StatusAsync(_p2.PrinterId) == "Idle", Timeout, "the shop applies atk-printer-2's state");
        Assert.True(shopClient.IsConnected);
    }

    [Fact]
    public async Task The_shops_rights_come_from_its_password_never_from_its_username_or_client_id()
    {
        var account = _shop.Services.GetRequiredService<ShopBrokerAccount>();

        var (_, shopNameWithPrinterSecret) = await ConnectAsync(account.Username, _p1.Secret, account.ClientId);
        var (printer, connected) = await ConnectAsync(_p1.PrinterId, _p1.Secret);
        var subscribed = await printer.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter("makershop/v1/printers/+/state", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("makershop/v1/printers/+/telemetry", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("#", MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()).WaitAsync(Timeout);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, shopNameWithPrinterSecret.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        Assert.All(subscribed.Items, i => Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, i.ResultCode));
    }

    [Fact]
    public async Task A_printer_stored_under_a_reserved_id_before_the_rule_existed_cannot_log_in()
    {
        const string legacyId = "makershop-shop-legacy";
        var secret = DeviceSecrets.NewSecret();
        var legacy = Printer.Register(legacyId, "Legacy", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", false, DateTimeOffset.UtcNow);
        await using (var session = await DbSession.BeginAsync(_shop.Services.GetRequiredService<SqliteConnectionFactory>()))
        {
            await PrinterStore.InsertAsync(session, legacy, DeviceSecrets.Hash(secret));
            await session.CommitAsync();
        }

        var (_, result) = await ConnectAsync(legacyId, secret);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
        await Eventually.UntilAsync(() => ShopLog.Lines(_shop, $"login of {legacyId}").Any(l => l.Contains("reserved id", StringComparison.Ordinal)), Timeout, "the refusal is logged");
    }

    [Fact]
    public async Task A_packet_over_the_limit_closes_only_that_printers_connection_is_logged_by_printer_id_and_never_reaches_the_shop()
    {
        var seenByShop = new List<(string Topic, long Bytes)>();
        var account = _shop.Services.GetRequiredService<ShopBrokerAccount>();
        var (watcher, _) = await ConnectAsync(account.Username, account.Password, account.Username + "-attack-watcher");
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            lock (seenByShop)
            {
                seenByShop.Add((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.Length));
            }

            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("makershop/v1/printers/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var (p1, _) = await ConnectAsync(_p1.PrinterId, _p1.Secret);
        var (p2, _) = await ConnectAsync(_p2.PrinterId, _p2.Secret);

        // A valid idle state, padded with JSON whitespace past the 256 KiB packet limit: were it read, the shop would apply it.
        await Assert.ThrowsAnyAsync<Exception>(() => p1.PublishAsync(StateMessage(_p1.PrinterId, padding: 300 * 1024)).WaitAsync(Timeout));
        await Eventually.UntilAsync(() => !p1.IsConnected, Timeout, "the broker closes atk-printer-1's connection");
        await p2.PublishAsync(StateMessage(_p2.PrinterId, padding: 0));
        await Eventually.UntilAsync(async () => await StatusAsync(_p2.PrinterId) == "Idle", Timeout, "the well-behaved printer's state is applied");

        Assert.True(p2.IsConnected);
        Assert.Equal("Offline", await StatusAsync(_p1.PrinterId));
        lock (seenByShop)
        {
            Assert.DoesNotContain(seenByShop, m => m.Topic == PrinterTopics.State(_p1.PrinterId));
            Assert.Contains(seenByShop, m => m.Topic == PrinterTopics.State(_p2.PrinterId));
        }

        var logged = Assert.Single(ShopLog.Lines(_shop, "over the 262144-byte limit"));
        Assert.Contains("printer atk-printer-1 ", logged, StringComparison.Ordinal);
        Assert.Contains("[WRN]", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\"", logged, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_state_over_its_topic_limit_is_dropped_and_logged_and_the_printer_stays_connected()
    {
        var (p1, _) = await ConnectAsync(_p1.PrinterId, _p1.Secret);

        var tooBig = await p1.PublishAsync(StateMessage(_p1.PrinterId, padding: 20 * 1024)).WaitAsync(Timeout);
        var normal = await p1.PublishAsync(StateMessage(_p1.PrinterId, padding: 0)).WaitAsync(Timeout);

        Assert.Equal(MqttClientPublishReasonCode.QuotaExceeded, tooBig.ReasonCode);
        Assert.True(normal.IsSuccess);
        Assert.True(p1.IsConnected);
        await Eventually.UntilAsync(async () => await StatusAsync(_p1.PrinterId) == "Idle", Timeout, "the normal state is applied");
        var logged = Assert.Single(ShopLog.Lines(_shop, "over the 16384-byte limit for that topic"));
        Assert.Contains($"of printer atk-printer-1 on {PrinterTopics.State(_p1.PrinterId)}", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_publish_declaring_200_MB_is_refused_before_the_broker_buffers_it()
    {
        const int declared = 200 * 1024 * 1024;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _shop.Settings.MqttPort);
        await socket.SendAsync(ConnectPacket(_p1.PrinterId, _p1.Secret));
        var connAck = new byte[4];
        Assert.Equal(4, await ReceiveExactlyAsync(socket, connAck));
        Assert.Equal([0x20, 0x02, 0x00, 0x00], connAck);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        // The header of a 200 MB publish, then the first 64 KiB of it: MQTTnet would allocate the whole body at once.
        var header = new List<byte> { 0x30 };
        header.AddRange(RemainingLength(declared));
        var closedAfter = await SendUntilClosedAsync(socket, [.. header, .. new byte[64 * 1024]]);
        var allocatedAfter = GC.GetTotalAllocatedBytes(precise: true);

        Assert.True(closedAfter, "the broker closes the connection");
        Assert.True(allocatedAfter - allocatedBefore < declared / 2, $"{(allocatedAfter - allocatedBefore) / 1024 / 1024} MB were allocated while the packet was refused");
        await Eventually.UntilAsync(() => ShopLog.Lines(_shop, "printer atk-printer-1 ").Any(l => l.Contains($"{declared + 5}-byte packet", StringComparison.Ordinal)), Timeout, "the refusal is logged with the printer id");
        Assert.True(_shop.Services.GetRequiredService<ShopMqttClient>().IsConnected);
    }

    [Fact]
    public async Task The_broker_bound_to_127_0_0_1_does_not_listen_on_IPv6()
    {
        // IPv6 loopback works on this machine: a listener there is reachable.
        using (var probe = new TcpListener(IPAddress.IPv6Loopback, 0))
        {
            probe.Start();
            using var reachesProbe = new TcpClient(AddressFamily.InterNetworkV6);
            await reachesProbe.ConnectAsync(IPAddress.IPv6Loopback, ((IPEndPoint)probe.LocalEndpoint).Port).WaitAsync(Timeout);
        }

        using var v4 = new TcpClient(AddressFamily.InterNetwork);
        await v4.ConnectAsync(IPAddress.Loopback, _shop.Settings.MqttPort).WaitAsync(Timeout);
        using var v6 = new TcpClient(AddressFamily.InterNetworkV6);
        var refused = await Assert.ThrowsAsync<SocketException>(() => v6.ConnectAsync(IPAddress.IPv6Loopback, _shop.Settings.MqttPort).WaitAsync(Timeout));

        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    private static PrinterRegistration Registration(string id) =>
        new(id, id, PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true);

    private static MqttApplicationMessage StateMessage(string printerId, int padding)
    {
        var idle = new PrinterStatePayload(BridgeStatus.Idle, [], null, null, null, "test", null, true, DateTimeOffset.UtcNow);
        var json = ContractJson.Serialize(idle);
        var payload = new byte[json.Length + padding];
        json.CopyTo(payload, 0);
        payload.AsSpan(json.Length).Fill((byte)' ');
        return new MqttApplicationMessageBuilder().WithTopic(PrinterTopics.State(printerId)).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag().Build();
    }

    private Task<string?> StatusAsync(string printerId) => _shop.TextAsync($"SELECT status FROM printers WHERE id = '{printerId}'");

    private async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(string username, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _shop.Settings.MqttPort)
            .WithClientId(clientId ?? username)
            .WithCredentials(username, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(Timeout)
            .Build();
        var result = await client.ConnectAsync(options).WaitAsync(Timeout);
        return (client, result);
    }

    /// <summary>An MQTT 3.1.1 CONNECT written by hand: the attack needs a raw socket after it.</summary>
    private static byte[] ConnectPacket(string username, string password)
    {
        var body = new List<byte> { 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0xC2, 0x00, 0x3C };
        foreach (var text in new[] { username, username, password })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            body.Add((byte)(bytes.Length >> 8));
            body.Add((byte)(bytes.Length & 0xFF));
            body.AddRange(bytes);
        }

        return [0x10, .. RemainingLength(body.Count), .. body];
    }

    private static byte[] RemainingLength(int length)
    {
        var bytes = new List<byte>();
        do
        {
            var digit = (byte)(length % 128);
            length /= 128;
            bytes.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        return [.. bytes];
    }

    private static async Task<int> ReceiveExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        using var timeout = new CancellationTokenSource(Timeout);
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }

    /// <summary>Sends what it can, then waits for the broker to end the connection; false if it stays open.</summary>
    private static async Task<bool> SendUntilClosedAsync(Socket socket, byte[] data)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await socket.SendAsync(data, timeout.Token);
            var buffer = new byte[1024];
            while (await socket.ReceiveAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
