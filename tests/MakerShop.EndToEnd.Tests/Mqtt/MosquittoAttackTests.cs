using System.Text;
using System.Threading.Channels;
using MakerShop.EndToEnd.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.EndToEnd.Tests.Mqtt;

/// <summary>
/// The attacks of issue 19 against the shipped Mosquitto configuration: a printer claiming the shop's client id, and a
/// packet over <c>max_packet_size</c>.
/// </summary>
public sealed class MosquittoAttackTests(MosquittoAclFixture fixture) : IClassFixture<MosquittoAclFixture>
{
    private const string Root = "makershop/v1/printers";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_printer_claiming_the_shops_client_id_reads_nothing_of_others_and_the_shop_keeps_its_connection()
    {
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword, "makershop-shop");
        var shopInbox = await InboxAsync(shop, "makershop/v1/#");
        using var attacker = await ConnectAsync("p1", MosquittoAclFixture.P1Password, "makershop-shop");
        var attackerInbox = await InboxAsync(attacker, $"{Root}/+/state");

        using var p2 = await ConnectAsync("p2", MosquittoAclFixture.P2Password, "p2");
        var p2State = "p2-state-" + Guid.NewGuid().ToString("N");
        await PublishAsync(p2, $"{Root}/p2/state", Encoding.UTF8.GetBytes(p2State));
        await shopInbox.Reader.ReadUntilAsync(m => m.Payload == p2State);
        var sentinel = "sentinel-" + Guid.NewGuid().ToString("N");
        await attacker.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{Root}/p1/commands", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await PublishAsync(shop, $"{Root}/p1/commands", Encoding.UTF8.GetBytes(sentinel));
        var seenByAttacker = await attackerInbox.Reader.ReadUntilAsync(m => m.Payload == sentinel);

        Assert.True(shop.IsConnected);
        Assert.True(attacker.IsConnected);
        Assert.DoesNotContain(seenByAttacker, m => m.Topic == $"{Root}/p2/state");
    }

    [Fact]
    public async Task A_packet_over_max_packet_size_disconnects_only_that_printer_and_never_reaches_the_shop()
    {
        using var shop = await ConnectAsync(MosquittoAclFixture.ShopUser, MosquittoAclFixture.ShopPassword, "makershop-shop");
        var shopInbox = await InboxAsync(shop, "makershop/v1/#");
        using var p1 = await ConnectAsync("p1", MosquittoAclFixture.P1Password, "p1");
        using var p2 = await ConnectAsync("p2", MosquittoAclFixture.P2Password, "p2");

        var oversized = new byte[300 * 1024];
        oversized.AsSpan().Fill((byte)' ');
        try
        {
            await PublishAsync(p1, $"{Root}/p1/state", oversized);
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or TimeoutException)
        {
            // Disconnected while waiting for the acknowledgement: that is the refusal.
        }

        await Eventually.UntilAsync(() => !p1.IsConnected, Timeout, "Mosquitto disconnects p1");
        var after = "p2-after-" + Guid.NewGuid().ToString("N");
        await PublishAsync(p2, $"{Root}/p2/state", Encoding.UTF8.GetBytes(after));
        var seenByShop = await shopInbox.Reader.ReadUntilAsync(m => m.Payload == after);

        Assert.True(p2.IsConnected);
        Assert.True(shop.IsConnected);
        Assert.DoesNotContain(seenByShop, m => m.Topic == $"{Root}/p1/state");
        // Mosquitto logs "Client p1 disconnected due to oversize packet." itself (its stdout is block-buffered into the
        // harness, so the line is not asserted here).
    }

    private async Task<IMqttClient> ConnectAsync(string user, string password, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer(fixture.Broker.Host, fixture.Broker.Port)
            .WithCredentials(user, password)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithTimeout(Timeout)
            .Build()).WaitAsync(Timeout);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        return client;
    }

    private static async Task<Channel<Message>> InboxAsync(IMqttClient client, string topicFilter)
    {
        var inbox = Channel.CreateUnbounded<Message>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            inbox.Writer.TryWrite(new Message(e.ApplicationMessage.Topic, Encoding.UTF8.GetString(e.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build()).WaitAsync(Timeout);
        return inbox;
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()).WaitAsync(Timeout);

    private sealed record Message(string Topic, string Payload);
}
