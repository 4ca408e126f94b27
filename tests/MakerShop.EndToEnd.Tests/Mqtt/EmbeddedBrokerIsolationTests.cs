using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.Web.Broker;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>The embedded broker's authentication and per-printer isolation, and the device G-code endpoint.</summary>
public sealed class EmbeddedBrokerIsolationTests : IAsyncLifetime
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
        _p1 = await registry.RegisterAsync(Registration("iso-printer-1"));
        _p2 = await registry.RegisterAsync(Registration("iso-printer-2"));
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
    public async Task A_printer_with_a_wrong_secret_is_refused()
    {
        var (_, result) = await ConnectAsync(_p1.PrinterId, "not-the-secret");

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task A_printer_using_another_client_id_is_refused_so_it_cannot_take_over_a_session()
    {
        var (_, asOther) = await ConnectAsync(_p1.PrinterId, _p1.Secret, _p2.PrinterId);
        var (_, asShop) = await ConnectAsync(_p1.PrinterId, _p1.Secret, "makershop-shop-" + Environment.MachineName);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, asOther.ResultCode);
        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, asShop.ResultCode);
    }

    [Fact]
    public async Task An_unknown_printer_is_refused()
    {
        var (_, result) = await ConnectAsync("iso-printer-9", _p1.Secret);

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result.ResultCode);
    }

    [Fact]
    public async Task A_printer_publishing_under_another_printers_topic_is_refused_and_nothing_reaches_the_shop()
    {
        var received = new List<string>();
        var sentinelSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var account = _shop.Services.GetRequiredService<ShopBrokerAccount>();
        var (watcher, _) = await ConnectAsync(account.Username, account.Password, account.Username + "-isolation-watcher");
        watcher.ApplicationMessageReceivedAsync += e =>
        {
            lock (received)
            {
                received.Add(e.ApplicationMessage.Topic);
            }

            if (e.ApplicationMessage.Topic == PrinterTopics.Telemetry(_p1.PrinterId))
            {
                sentinelSeen.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await watcher.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("makershop/v1/printers/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var (p1, connected) = await ConnectAsync(_p1.PrinterId, _p1.Secret);
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);

        var forged = await p1.PublishAsync(Message(PrinterTopics.State(_p2.PrinterId)));
        var forgedCommand = await p1.PublishAsync(Message(PrinterTopics.Commands(_p1.PrinterId)));
        var own = await p1.PublishAsync(Message(PrinterTopics.Telemetry(_p1.PrinterId)));
        await sentinelSeen.Task.WaitAsync(Timeout);

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forgedCommand.ReasonCode);
        Assert.True(own.IsSuccess);
        lock (received)
        {
            // Messages are delivered in order, so once the allowed one arrived the refused ones would have come before it.
            Assert.DoesNotContain(PrinterTopics.State(_p2.PrinterId), received);
            Assert.DoesNotContain(PrinterTopics.Commands(_p1.PrinterId), received);
        }
    }

    [Fact]
    public async Task A_printer_subscribing_to_another_printers_commands_is_refused()
    {
        var (p1, _) = await ConnectAsync(_p1.PrinterId, _p1.Secret);

        var result = await p1.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(PrinterTopics.Commands(_p2.PrinterId), MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter("makershop/v1/printers/+/commands", MqttQualityOfServiceLevel.AtLeastOnce)
            .WithTopicFilter(PrinterTopics.Commands(_p1.PrinterId), MqttQualityOfServiceLevel.AtLeastOnce)
            .Build()).WaitAsync(Timeout);

        var codes = result.Items.Select(i => i.ResultCode).ToList();
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, codes[0]);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, codes[1]);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, codes[2]);
    }

    [Fact]
    public async Task A_job_G_code_is_served_only_to_its_printer_with_its_secret_and_supports_Range()
    {
        // iso-printer-1 comes online as an idle printer; the dispatcher gives it the order's job.
        var (p1, _) = await ConnectAsync(_p1.PrinterId, _p1.Secret);
        var commandArrived = new TaskCompletionSource<PrinterCommandPayload>(TaskCreationOptions.RunContinuationsAsynchronously);
        p1.ApplicationMessageReceivedAsync += e =>
        {
            if (ContractJson.TryDeserialize<PrinterCommandPayload>(e.ApplicationMessage.Payload.ToArray()) is { Kind: PrinterCommandKind.Start } command)
            {
                commandArrived.TrySetResult(command);
            }

            return Task.CompletedTask;
        };
        await p1.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(PrinterTopics.Commands(_p1.PrinterId), MqttQualityOfServiceLevel.AtLeastOnce).Build());
        var idle = new PrinterStatePayload(BridgeStatus.Idle, [], null, null, null, "test", null, true, DateTimeOffset.UtcNow);
        await p1.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PrinterTopics.State(_p1.PrinterId)).WithPayload(ContractJson.Serialize(idle)).WithRetainFlag().Build());
        await ShopApi.PlaceOrderAsync(_shop.Http, ShopApi.OrderBody());

        var start = (await commandArrived.Task.WaitAsync(Timeout)).Start!;
        var url = start.GcodeUrl.PathAndQuery;

        using var anonymous = await _shop.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var wrongSecret = await GetAsync(url, new DeviceCredentials(_p1.PrinterId, "wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);

        using var otherPrinter = await GetAsync(url, _p2);
        Assert.Equal(HttpStatusCode.NotFound, otherPrinter.StatusCode);

        using var whole = await GetAsync(url, _p1);
        var bytes = await whole.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(start.SizeBytes, bytes.Length);
        Assert.Equal(start.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));

        using var tail = await GetAsync(url, _p1, new RangeHeaderValue(1000, null));
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(bytes.AsSpan(1000).ToArray(), await tail.Content.ReadAsByteArrayAsync());
    }

    private static PrinterRegistration Registration(string id) =>
        new(id, id, PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true);

    private static MqttApplicationMessage Message(string topic) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes("{}")).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private async Task<HttpResponseMessage> GetAsync(string url, DeviceCredentials credentials, RangeHeaderValue? range = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = credentials.ToAuthorizationHeader();
        request.Headers.Range = range;
        return await _shop.Http.SendAsync(request);
    }

    private async Task<(IMqttClient Client, MqttClientConnectResult Result)> ConnectAsync(string username, string password, string? clientId = null)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        _clients.Add(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _shop.Settings.MqttPort)
            .WithClientId(clientId ?? username)
            .WithCredentials(username, password)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();
        var result = await client.ConnectAsync(options).WaitAsync(Timeout);
        return (client, result);
    }
}
