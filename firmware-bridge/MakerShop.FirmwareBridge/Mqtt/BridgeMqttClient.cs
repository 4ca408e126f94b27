using System.Buffers;
using MakerShop.Contracts.Mqtt;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.FirmwareBridge.Mqtt;

/// <summary>
/// The bridge's MQTT session. MQTTnet v5 has no self-reconnecting client, so <see cref="RunAsync"/> is the
/// reconnect loop: connect (persistent session, offline last will), subscribe, tell the owner, wait for the drop,
/// pause, repeat. The Disconnected event only wakes the loop.
/// </summary>
internal sealed class BridgeMqttClient : IAsyncDisposable
{
    private static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(1);
    private static readonly TimeSpan HealthCheckInterval = TimeSpan.FromSeconds(15);

    private readonly BridgeOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Func<PrinterCommandPayload, Task> onCommand;
    private readonly Action onConnected;
    private readonly IMqttClient client;
    private TaskCompletionSource disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool subscribed;

    public BridgeMqttClient(
        BridgeOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Func<PrinterCommandPayload, Task> onCommand,
        Action onConnected)
    {
        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger;
        this.onCommand = onCommand;
        this.onConnected = onConnected;
        client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += _ =>
        {
            Volatile.Read(ref disconnected).TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Connected and subscribed to its commands: only from then on does a command published to it arrive.</summary>
    public bool IsConnected => client.IsConnected && Volatile.Read(ref subscribed);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await ConnectAsync(cancellationToken);
                    onConnected();
                }

                await Volatile.Read(ref disconnected).Task.WaitAsync(HealthCheckInterval, timeProvider, cancellationToken);
                logger.LogWarning("Printer {PrinterId} lost the MQTT broker; reconnecting", options.PrinterId);
            }
            catch (TimeoutException)
            {
                continue;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Printer {PrinterId} cannot reach the MQTT broker at {MqttHost}:{MqttPort}: {Reason}", options.PrinterId, options.MqttHost, options.MqttPort, ex.Message);
            }

            await Task.Delay(options.ReconnectDelay, timeProvider, cancellationToken);
        }
    }

    /// <summary>False when the broker did not take the message; the caller keeps it for later.</summary>
    public async Task<bool> PublishAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        if (!client.IsConnected)
        {
            return false;
        }

        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            return result.IsSuccess;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug("Printer {PrinterId} could not publish to {Topic}: {Reason}", options.PrinterId, message.Topic, ex.Message);
            return false;
        }
    }

    /// <summary>A clean goodbye: the offline state is published by hand, because a normal disconnect drops the will.</summary>
    public async Task DisconnectAsync(PrinterStatePayload offline, CancellationToken cancellationToken)
    {
        if (!client.IsConnected)
        {
            return;
        }

        await PublishAsync(BridgeMessages.State(options.PrinterId, offline), cancellationToken);
        try
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("Printer {PrinterId} disconnect was not clean: {Reason}", options.PrinterId, ex.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref subscribed, false);
        Volatile.Write(ref disconnected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var stateTopic = PrinterTopics.State(options.PrinterId);
        var connectOptions = new MqttClientOptionsBuilder()
            .WithTcpServer(options.MqttHost, options.MqttPort)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithClientId(options.PrinterId)
            .WithCredentials(options.PrinterId, options.Secret)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(stateTopic)
            .WithWillPayload(ContractJson.Serialize(BridgeMessages.OfflineState(options, timeProvider.GetUtcNow())))
            .WithWillRetain()
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();

        var result = await client.ConnectAsync(connectOptions, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode}");
        }

        // Re-subscribing is harmless when the broker kept the session, and needed when it did not.
        await client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(PrinterTopics.Commands(options.PrinterId)).WithAtLeastOnceQoS())
                .Build(),
            cancellationToken);
        Volatile.Write(ref subscribed, true);
        logger.LogInformation("Printer {PrinterId} connected to MQTT {MqttHost}:{MqttPort} (session present: {SessionPresent})", options.PrinterId, options.MqttHost, options.MqttPort, result.IsSessionPresent);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        if (e.ApplicationMessage.Topic != PrinterTopics.Commands(options.PrinterId))
        {
            return;
        }

        var payload = e.ApplicationMessage.Payload;
        var command = payload.IsSingleSegment
            ? ContractJson.TryDeserialize<PrinterCommandPayload>(payload.FirstSpan)
            : ContractJson.TryDeserialize<PrinterCommandPayload>(payload.ToArray());
        if (command is null)
        {
            logger.LogWarning("Printer {PrinterId} ignored a command it could not read ({Bytes} bytes)", options.PrinterId, payload.Length);
            return;
        }

        try
        {
            await onCommand(command);
        }
        catch (OperationCanceledException)
        {
            // The bridge is stopping; the shop re-sends what it saw no ack for.
            logger.LogDebug("Printer {PrinterId} dropped command {CommandId} while stopping", options.PrinterId, command.CommandId);
        }
        catch (Exception ex)
        {
            // Never let a command fault the client's message handler; the shop re-sends what it saw no ack for.
            logger.LogError(ex, "Printer {PrinterId} failed to handle command {CommandId}", options.PrinterId, command.CommandId);
        }
    }
}
