using System.Threading.Channels;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>One Mosquitto broker, started from config/mosquitto.conf and config/mosquitto.acl, shared by the ACL tests.</summary>
public sealed class MosquittoAclFixture : IAsyncLifetime
{
    public const string ShopUser = "makershop-shop";
    public const string ShopPassword = "shop-secret";
    public const string P1Password = "p1-secret";
    public const string P2Password = "p2-secret";

    private MosquittoBroker? _broker;

    public MosquittoBroker Broker => _broker ?? throw new InvalidOperationException("The broker has not started.");

    public async Task InitializeAsync()
    {
        var users = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ShopUser] = ShopPassword,
            ["p1"] = P1Password,
            ["p2"] = P2Password,
        };
        _broker = await MosquittoBroker.StartAsync(users).WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}

/// <summary>
/// The external-broker ACL gives the same isolation as the embedded broker: a printer (username = printer id)
/// may only publish and subscribe under makershop/v1/printers/{its id}/, the shop under makershop/v1/.
/// MQTT 5 is used so that Mosquitto reports refusals in PUBACK / SUBACK reason codes.
/// </summary>
public sealed class MosquittoAclTests(MosquittoAclFixture fixture) : IClassFixture<MosquittoAclFixture>
{
    private const string Root = "makershop/v1/printers";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Wrong_password_is_refused()
    {
        using var client = new MqttClientFactory().CreateMqttClient();

        // MQTTnet 5 returns the refused CONNACK rather than throwing. Mosquitto 2.0 answers a wrong password
        // to an MQTT 5 client with 0x87 Not authorized (not 0x86 Bad user name or password).
        var result = await client.ConnectAsync(Options("p1", "not-the-password")).WaitAsync(Timeout);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Unknown_user_is_refused()
    {
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await client.ConnectAsync(Options("p3", MosquittoAclFixture.P1Password)).WaitAsync(Timeout);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Anonymous_client_is_refused()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(fixture.Broker.Host, fixture.Broker.Port)
            .WithClientId("anonymous-" + Guid.NewGuid().ToString("N"))
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build();

        var result = await client.ConnectAsync(options).WaitAsync(Timeout);

        Assert.Equal(MqttClientConnectResultCode.NotAuthorized, result.ResultCode);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Printer_can_publish_its_state_under_its_own_root_and_the_shop_receives_it()
    {
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var shopInbox = new Inbox(shop);
        await SubscribeAsync(shop, $"{Root}/p1/state");
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);

        var payload = "state-" + Guid.NewGuid().ToString("N");
        var publish = await PublishAsync(p1, $"{Root}/p1/state", payload);
        Assert.Equal(MqttClientPublishReasonCode.Success, publish.ReasonCode);

        var received = await shopInbox.ReadUntilAsync(m => m.Payload == payload, Timeout);
        Assert.Equal($"{Root}/p1/state", received[^1].Topic);
    }

    [Fact]
    public async Task Printer_cannot_publish_commands_not_even_to_itself()
    {
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);
        var inbox = new Inbox(p1);
        await SubscribeAsync(p1, $"{Root}/p1/commands");

        var forged = "forged-" + Guid.NewGuid().ToString("N");
        var forgedResult = await PublishAsync(p1, $"{Root}/p1/commands", forged);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forgedResult.ReasonCode);

        // The shop's command, published after, arrives; the forged one, had it been routed, would have come first.
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var real = "command-" + Guid.NewGuid().ToString("N");
        await PublishAsync(shop, $"{Root}/p1/commands", real);
        var received = await inbox.ReadUntilAsync(m => m.Payload == real, Timeout);
        Assert.DoesNotContain(received, m => m.Payload == forged);
    }

    [Fact]
    public async Task Shop_can_send_a_command_to_a_printer()
    {
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);
        var inbox = new Inbox(p1);
        var subscribe = await SubscribeAsync(p1, $"{Root}/p1/commands");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(subscribe.Items).ResultCode);

        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var payload = "command-" + Guid.NewGuid().ToString("N");
        var publish = await PublishAsync(shop, $"{Root}/p1/commands", payload);
        Assert.Equal(MqttClientPublishReasonCode.Success, publish.ReasonCode);

        await inbox.ReadUntilAsync(m => m.Payload == payload, Timeout);
    }

    [Fact]
    public async Task Printer_publish_to_another_printers_topic_is_refused_and_never_delivered()
    {
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var shopInbox = new Inbox(shop);
        var subscribe = await SubscribeAsync(shop, "makershop/v1/#");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(subscribe.Items).ResultCode);

        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);
        var forged = "forged-" + Guid.NewGuid().ToString("N");
        var forgedResult = await PublishAsync(p1, $"{Root}/p2/state", forged);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forgedResult.ReasonCode);

        // Same connection, published afterwards: once the shop has the sentinel, the forged message
        // would already have been delivered before it had the broker routed it.
        var sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
        var sentinelResult = await PublishAsync(p1, $"{Root}/p1/state", sentinel);
        Assert.Equal(MqttClientPublishReasonCode.Success, sentinelResult.ReasonCode);

        var received = await shopInbox.ReadUntilAsync(m => m.Payload == sentinel, Timeout);
        Assert.Equal($"{Root}/p1/state", received[^1].Topic);
        Assert.DoesNotContain(received, m => m.Payload == forged);
        Assert.DoesNotContain(received, m => m.Topic == $"{Root}/p2/state");
    }

    [Fact]
    public async Task Printer_subscribed_to_another_printers_commands_never_receives_them()
    {
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);
        var inbox = new Inbox(p1);

        // Mosquitto's acl_file never refuses a SUBSCRIBE (SUBACK grants it, even to an MQTT 5 client);
        // the read ACL is enforced on every PUBLISH it would deliver (eclipse-mosquitto/mosquitto#2042).
        var foreign = await SubscribeAsync(p1, $"{Root}/p2/commands");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(foreign.Items).ResultCode);
        var own = await SubscribeAsync(p1, $"{Root}/p1/commands");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(own.Items).ResultCode);

        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var forP2 = "command-for-p2-" + Guid.NewGuid().ToString("N");
        var forP2Result = await PublishAsync(shop, $"{Root}/p2/commands", forP2);
        Assert.True(forP2Result.IsSuccess, $"shop publishing to p2: {forP2Result.ReasonCode}");

        // Same publisher, later message, same subscriber queue: the sentinel arriving proves the first was not delivered.
        var sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
        var sentinelResult = await PublishAsync(shop, $"{Root}/p1/commands", sentinel);
        Assert.Equal(MqttClientPublishReasonCode.Success, sentinelResult.ReasonCode);

        var received = await inbox.ReadUntilAsync(m => m.Payload == sentinel, Timeout);
        Assert.DoesNotContain(received, m => m.Payload == forP2);
        Assert.DoesNotContain(received, m => m.Topic == $"{Root}/p2/commands");
    }

    [Fact]
    public async Task Printer_wildcard_subscription_never_delivers_another_printers_messages()
    {
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password);
        var inbox = new Inbox(p1);
        // Granted (acl_file never refuses a SUBSCRIBE); the read ACL is applied to each message on delivery.
        var wildcard = await SubscribeAsync(p1, $"{Root}/+/state");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(wildcard.Items).ResultCode);
        var own = await SubscribeAsync(p1, $"{Root}/p1/#");
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(own.Items).ResultCode);

        using var p2 = await ConnectAsync("p2", MosquittoAclFixture.P2Password);
        var secret = "p2-state-" + Guid.NewGuid().ToString("N");
        var p2Result = await PublishAsync(p2, $"{Root}/p2/state", secret);
        Assert.True(p2Result.IsSuccess, $"p2 publishing its own state: {p2Result.ReasonCode}");

        // p2's message was routed (PUBACK received) before the shop sends p1 the sentinel, and p1's queue is FIFO.
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword);
        var sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
        await PublishAsync(shop, $"{Root}/p1/commands", sentinel);
        var received = await inbox.ReadUntilAsync(m => m.Payload == sentinel, Timeout);

        Assert.DoesNotContain(received, m => m.Payload == secret);
    }

    private MqttClientOptions Options(string user, string password) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer(fixture.Broker.Host, fixture.Broker.Port)
            .WithCredentials(user, password)
            .WithClientId($"{user}-{Guid.NewGuid():N}")
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(Timeout)
            .Build();

    private async Task<IMqttClient> ConnectAsync(string user, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(user, password)).WaitAsync(Timeout);
            Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static Task<MqttClientSubscribeResult> SubscribeAsync(IMqttClient client, string topicFilter) =>
        client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build())
            .WaitAsync(Timeout);

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, string payload) =>
        client.PublishAsync(
                new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build())
            .WaitAsync(Timeout);

    private sealed record Received(string Topic, string Payload);

    /// <summary>Collects what a client receives, in order.</summary>
    private sealed class Inbox
    {
        private readonly Channel<Received> _messages = Channel.CreateUnbounded<Received>();

        public Inbox(IMqttClient client)
        {
            client.ApplicationMessageReceivedAsync += e =>
            {
                _messages.Writer.TryWrite(new Received(e.ApplicationMessage.Topic, e.ApplicationMessage.ConvertPayloadToString()));
                return Task.CompletedTask;
            };
        }

        /// <summary>Everything received up to and including the first message matching <paramref name="last"/>.</summary>
        public async Task<IReadOnlyList<Received>> ReadUntilAsync(Func<Received, bool> last, TimeSpan timeout)
        {
            var seen = new List<Received>();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    var message = await _messages.Reader.ReadAsync(cts.Token).AsTask().WaitAsync(timeout);
                    seen.Add(message);
                    if (last(message))
                    {
                        return seen;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(
                    $"The expected message did not arrive within {timeout.TotalSeconds:0} s. Received: " +
                    string.Join(", ", seen.Select(m => $"{m.Topic}='{m.Payload}'")));
            }
        }
    }
}
