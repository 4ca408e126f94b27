using MakerShop.Contracts.Mqtt;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.Bench.MakerLive;

/// <summary>
/// N simulated printers, each its own MQTT connection with its own id and secret as the broker contract requires
/// (client id = username = printer id, publishing only under its own topic root). Each publishes a retained Idle state
/// once and then telemetry once a second, the printers' seconds spread evenly so the load is steady.
/// </summary>
internal sealed class PrinterSwarm : IAsyncDisposable
{
    private readonly List<(string Id, IMqttClient Client)> _printers = [];
    private long _published;
    private long _failed;

    public long Published => Interlocked.Read(ref _published);

    public long Failed => Interlocked.Read(ref _failed);

    public static async Task<PrinterSwarm> ConnectAsync(
        string host, int port, IReadOnlyList<(string PrinterId, string Secret)> printers, bool anonymous, bool publishState, CancellationToken ct)
    {
        var swarm = new PrinterSwarm();
        var factory = new MqttClientFactory();
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(printers.Select(async p =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var client = factory.CreateMqttClient();
                var options = new MqttClientOptionsBuilder()
                    .WithTcpServer(host, port)
                    .WithClientId(p.PrinterId)
                    .WithProtocolVersion(MqttProtocolVersion.V500)
                    .WithKeepAlivePeriod(TimeSpan.FromSeconds(60))
                    .WithTimeout(TimeSpan.FromSeconds(30));
                if (!anonymous)
                {
                    options.WithCredentials(p.PrinterId, p.Secret);
                }

                var result = await client.ConnectAsync(options.Build(), ct);
                if (result.ResultCode != MqttClientConnectResultCode.Success)
                {
                    throw new InvalidOperationException($"{p.PrinterId} was refused: {result.ResultCode}");
                }

                if (publishState)
                {
                    var idle = new PrinterStatePayload(BridgeStatus.Idle, Heaters(0), null, null, null, "bench", null, true, DateTimeOffset.UtcNow);
                    await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PrinterTopics.State(p.PrinterId))
                        .WithPayload(ContractJson.Serialize(idle)).WithRetainFlag().WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(), ct);
                }

                lock (swarm._printers)
                {
                    swarm._printers.Add((p.PrinterId, client));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        swarm._printers.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return swarm;
    }

    /// <summary>Publishes until cancelled: printer i publishes at i/N of every second, QoS 0 (telemetry may be dropped).</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var count = _printers.Count;
        var start = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        var next = 0L;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                // How many publishes are due by now since the start: one per printer per second.
                var due = (long)((DateTimeOffset.UtcNow - start).TotalSeconds * count);
                for (; next < due; next++)
                {
                    var (id, client) = _printers[(int)(next % count)];
                    _ = PublishAsync(id, client, next / count, ct);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(string id, IMqttClient client, long second, CancellationToken ct)
    {
        var payload = new TelemetryPayload(Heaters(second), null, null, null, DateTimeOffset.UtcNow);
        try
        {
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(PrinterTopics.Telemetry(id)).WithPayload(ContractJson.Serialize(payload)).Build(), ct);
            Interlocked.Increment(ref _published);
        }
        catch (Exception ex) when (ex is OperationCanceledException or MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            Interlocked.Increment(ref _failed);
        }
    }

    /// <summary>A nozzle and bed warming towards their targets and then holding there, with a little noise.</summary>
    private static IReadOnlyList<HeaterReading> Heaters(long second) =>
    [
        new("tool0", Math.Min(215, 25 + (second * 3)) + (second % 3 * 0.1), 215),
        new("bed", Math.Min(60, 22 + second) + (second % 2 * 0.1), 60),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, client) in _printers)
        {
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or ObjectDisposedException)
            {
            }

            client.Dispose();
        }
    }
}
