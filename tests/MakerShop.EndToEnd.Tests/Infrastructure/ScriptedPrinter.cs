using System.Buffers;
using System.Threading.Channels;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A printer whose every message the test writes by hand, over the real broker and the real contract: for
/// orderings a real bridge produces only by chance (late states, lost events, cancels at the machine).
/// </summary>
public sealed class ScriptedPrinter : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly IMqttClient _client;
    private readonly Channel<PrinterCommandPayload> _commands = Channel.CreateUnbounded<PrinterCommandPayload>();

    private ScriptedPrinter(IMqttClient client, string printerId)
    {
        _client = client;
        PrinterId = printerId;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            if (ContractJson.TryDeserialize<PrinterCommandPayload>(e.ApplicationMessage.Payload.ToArray()) is { } command)
            {
                _commands.Writer.TryWrite(command);
            }

            return Task.CompletedTask;
        };
    }

    public string PrinterId { get; }

    /// <summary>Registers a 250 × 210 × 210 mm PLA/black bridge printer "scripted-1" in the shop and connects as it.</summary>
    public static async Task<ScriptedPrinter> RegisterAndConnectAsync(TestShop shop)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var credentials = await shop.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
            new PrinterRegistration("scripted-1", "Scripted", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true));
        return await ConnectAsync(credentials, shop.Settings.MqttPort);
    }

    public static async Task<ScriptedPrinter> ConnectAsync(DeviceCredentials credentials, int mqttPort)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var client = new MqttClientFactory().CreateMqttClient();
        var result = await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", mqttPort)
            .WithClientId(credentials.PrinterId)
            .WithCredentials(credentials.PrinterId, credentials.Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build()).WaitAsync(Timeout);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(PrinterTopics.Commands(credentials.PrinterId), MqttQualityOfServiceLevel.AtLeastOnce).Build()).WaitAsync(Timeout);
        return new ScriptedPrinter(client, credentials.PrinterId);
    }

    /// <summary>
    /// The next command of that kind, skipping any re-sent copy of <paramref name="after"/>: the shop's outbox re-sends
    /// a command until its ack is processed, so a copy may arrive after the ack was sent.
    /// </summary>
    public async Task<PrinterCommandPayload> NextCommandAsync(PrinterCommandKind kind, PrinterCommandPayload? after = null)
    {
        while (true)
        {
            var command = await _commands.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
            if (command.Kind == kind && command.CommandId != after?.CommandId)
            {
                return command;
            }
        }
    }

    public Task PublishStateAsync(BridgeStatus status, DateTimeOffset at, string? jobId = null, double? progress = null, JobOutcome? lastJob = null) =>
        PublishAsync(PrinterTopics.State(PrinterId), new PrinterStatePayload(status, [new HeaterReading("tool0", 210, 210)], jobId, progress, null, "scripted", lastJob, true, at), retain: true);

    /// <summary>A telemetry reading at QoS 0, as a bridge sends every few seconds: which job (if any) the printer is on.</summary>
    public async Task PublishTelemetryAsync(string? jobId, double? progress = null)
    {
        await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(PrinterTopics.Telemetry(PrinterId))
            .WithPayload(ContractJson.Serialize(new TelemetryPayload([new HeaterReading("tool0", 210, 210)], jobId, progress, null, DateTimeOffset.UtcNow)))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce)
            .Build()).WaitAsync(Timeout);
    }

    public Task AckAsync(PrinterCommandPayload command, bool accepted = true, string? reason = null) =>
        PublishAsync(PrinterTopics.CommandAcks(PrinterId), new CommandAckPayload(command.CommandId, accepted, reason, DateTimeOffset.UtcNow), retain: false);

    public Task PublishEventAsync(PrinterEventKind kind, string jobId, string? reason = null) =>
        PublishAsync(PrinterTopics.Events(PrinterId), new PrinterEventPayload(Guid.NewGuid().ToString("N"), kind, jobId, null, reason, DateTimeOffset.UtcNow), retain: false);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build());
        }

        _client.Dispose();
    }

    private async Task PublishAsync<T>(string topic, T payload, bool retain)
    {
        var result = await _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(ContractJson.Serialize(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build()).WaitAsync(Timeout);
        Assert.True(result.IsSuccess, $"Publishing to {topic} failed: {result.ReasonCode}");
    }
}
