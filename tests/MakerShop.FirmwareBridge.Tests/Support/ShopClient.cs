using System.Buffers;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>Plays the shop: subscribes to everything a printer publishes and sends it commands.</summary>
internal sealed class ShopClient : IAsyncDisposable
{
    private readonly IMqttClient client = new MqttClientFactory().CreateMqttClient();
    private readonly Lock gate = new();
    private readonly List<(string Topic, byte[] Payload, bool Retained)> received = [];
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ShopClient> ConnectAsync(int port)
    {
        var shop = new ShopClient();
        shop.client.ApplicationMessageReceivedAsync += e =>
        {
            lock (shop.gate)
            {
                shop.received.Add((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray(), e.ApplicationMessage.Retain));
                shop.arrived.TrySetResult();
                shop.arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return Task.CompletedTask;
        };
        await shop.client.ConnectAsync(
            new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("shop-" + Guid.NewGuid().ToString("N")).Build())
            .WaitAsync(Await.Timeout);
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in PrinterTopics.ShopSubscriptions)
        {
            subscribe.WithTopicFilter(f => f.WithTopic(filter).WithAtLeastOnceQoS());
        }

        await shop.client.SubscribeAsync(subscribe.Build()).WaitAsync(Await.Timeout);
        return shop;
    }

    public Task SendAsync(string printerId, PrinterCommandPayload command) =>
        client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(PrinterTopics.Commands(printerId))
                .WithPayload(ContractJson.Serialize(command))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build())
            .WaitAsync(Await.Timeout);

    /// <summary>Everything of type T received on <paramref name="topic"/> so far.</summary>
    public IReadOnlyList<T> All<T>(string topic)
        where T : class, IVersionedPayload
    {
        lock (gate)
        {
            return received.Where(m => m.Topic == topic)
                .Select(m => ContractJson.TryDeserialize<T>(m.Payload))
                .OfType<T>()
                .ToArray();
        }
    }

    /// <summary>The first message on <paramref name="topic"/> that matches, waiting for it if need be.</summary>
    public async Task<T> WaitForAsync<T>(string topic, Func<T, bool> match, bool retainedOnly = false)
        where T : class, IVersionedPayload
    {
        using var timeout = new CancellationTokenSource(Await.Timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                foreach (var message in received.Where(m => m.Topic == topic))
                {
                    if ((message.Retained || !retainedOnly)
                        && ContractJson.TryDeserialize<T>(message.Payload) is { } payload && match(payload))
                    {
                        return payload;
                    }
                }

                next = arrived.Task;
            }

            try
            {
                await next.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching {typeof(T).Name} on {topic}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (client.IsConnected)
        {
            await client.DisconnectAsync().WaitAsync(Await.Timeout);
        }

        client.Dispose();
    }
}
