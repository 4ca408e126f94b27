using System.Buffers;
using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Printers.Reports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;

namespace MakerShop.Printers.Mqtt;

/// <summary>
/// The shop's connection to the broker. MQTTnet v5 has no self-reconnecting client, so this loop connects,
/// subscribes, pings while connected and reconnects after a delay; incoming messages are translated once. Telemetry is
/// handed to the sink at once; state, events and acks go through one ordered queue and are acknowledged to the broker
/// only once applied, so a burst of production writes (a farm reconnecting after a shop restart) never holds up the
/// live readings behind it, and the order and at-least-once handling of what matters are kept.
/// Every (re)connect also asks for every printer's retained state at QoS 0, the truth the shop reconciles against, and a
/// <see cref="ReportDeliveryWatch"/> reconnects when the broker stops delivering QoS 1 reports on a connection that
/// otherwise looks healthy (found by the soak of issue 19, after a Mosquitto kill -9).
/// </summary>
public sealed partial class ShopMqttClient(
    MqttConnectionSettings settings,
    IPrinterReportSink sink,
    TimeProvider timeProvider,
    ILogger<ShopMqttClient> logger) : BackgroundService, IPrinterCommandPublisher
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(5);
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly CancellationTokenSource _stopping = new();
    private readonly System.Threading.Channels.Channel<(PrinterReport Report, MqttApplicationMessageReceivedEventArgs Message, int Connection)> _ordered =
        System.Threading.Channels.Channel.CreateUnbounded<(PrinterReport, MqttApplicationMessageReceivedEventArgs, int)>(new() { SingleReader = true });
    private readonly ReportDeliveryWatch _watch = new(settings.DeliveryStallTolerance);
    private int _disposed;

    // Counts connections: a packet identifier means something only on the connection it came on.
    private int _connection;

    // Reports received and not yet applied (the single-reader channel cannot count them itself).
    private int _pending;

    public bool IsConnected => _client.IsConnected;

    public async Task<bool> PublishAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default)
    {
        if (!_client.IsConnected)
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(PrinterTopics.Commands(printerId))
            .WithPayload(Encoding.UTF8.GetBytes(payloadJson))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await _client.PublishAsync(message, cancellationToken);
            return result.IsSuccess;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            LogPublishFailed(logger, printerId, ex.Message);
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        // Registered both as itself and as a hosted service, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stopping.Cancel();
        _stopping.Dispose();
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
        var ordered = Task.Run(() => ApplyInOrderAsync(stoppingToken), CancellationToken.None);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_client.IsConnected)
                {
                    await ConnectAndSubscribeAsync(stoppingToken);
                }
                else if (FindStalledDelivery() is { } stalled)
                {
                    LogDeliveryStalled(logger, stalled.PrinterId, stalled.StateJobId ?? "none", stalled.TelemetryJobId ?? "none", (int)stalled.For.TotalSeconds);
                    await ReconnectAsync(stoppingToken);
                }
                else
                {
                    await _client.PingAsync(stoppingToken);
                }

                await Task.Delay(PingInterval, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogConnectionFailed(logger, settings.Host, settings.Port, ex.Message);
                try
                {
                    await Task.Delay(ReconnectDelay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        _ordered.Writer.TryComplete();
        await ordered;
        await DisconnectQuietlyAsync();
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or MQTTnet.Exceptions.MqttCommunicationException)
        {
            // Shutting down anyway: the broker notices the dropped connection by itself.
        }
    }

    private async Task ConnectAndSubscribeAsync(CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(settings.Host, settings.Port)
            .WithClientId(settings.ClientId)
            .WithCredentials(settings.Username, settings.Password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(24 * 3600)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        Interlocked.Increment(ref _connection);
        var result = await _client.ConnectAsync(options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The broker refused the shop's connection: {result.ResultCode}.");
        }

        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in PrinterTopics.ShopSubscriptions)
        {
            subscribe.WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce));
        }

        await _client.SubscribeAsync(subscribe.Build(), cancellationToken);
        _watch.Reset();
        LogConnected(logger, settings.Host, settings.Port);
        await RequestStateSnapshotAsync(cancellationToken);
    }

    /// <summary>
    /// The retained states at QoS 0, through a second filter that is dropped again at once: the broker sends them
    /// straight away, even when its QoS 1 queue for the shop is long or stuck, so a job a printer finished while its
    /// events were lost (a broker restored from an old autosave, a queue that overflowed) is resolved now. The QoS 1
    /// subscription above re-sends them too, but behind whatever the broker still holds for the shop.
    /// </summary>
    private async Task RequestStateSnapshotAsync(CancellationToken cancellationToken)
    {
        await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter(f => f.WithTopic(PrinterTopics.StateSnapshotFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce))
                .Build(),
            cancellationToken);
        await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(PrinterTopics.StateSnapshotFilter).Build(), cancellationToken);
    }

    /// <summary>Only when the shop has applied everything it received: a backlog of its own is not the broker's stall.</summary>
    private StalledPrinter? FindStalledDelivery() =>
        Volatile.Read(ref _pending) == 0 ? _watch.FindStalled(timeProvider.GetUtcNow()) : null;

    /// <summary>
    /// Drops the connection and makes a new one on the same persistent session: the broker re-sends what it holds in
    /// flight and re-counts its quota for the shop, and the new subscriptions bring every retained state again.
    /// </summary>
    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        await DisconnectQuietlyAsync();
        await ConnectAndSubscribeAsync(cancellationToken);
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var topic = args.ApplicationMessage.Topic;
        var report = BridgeMessageTranslator.Translate(topic, args.ApplicationMessage.Payload.ToArray(), timeProvider.GetUtcNow());
        if (report is null)
        {
            LogUnreadable(logger, topic);
            return;
        }

        if (report is TelemetryReport telemetry)
        {
            _watch.TelemetryReceived(telemetry.PrinterId, telemetry.JobId, timeProvider.GetUtcNow());
            // Droppable readings: applied here, never queued behind production writes.
            await HandleAsync(report);
            return;
        }

        if (report is PrinterStateReport state)
        {
            _watch.StateReceived(state.PrinterId, state.JobId, timeProvider.GetUtcNow());
        }

        args.AutoAcknowledge = false;
        Interlocked.Increment(ref _pending);
        _ordered.Writer.TryWrite((report, args, Volatile.Read(ref _connection)));
    }

    private async Task ApplyInOrderAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (report, message, connection) in _ordered.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleAsync(report);
                Interlocked.Decrement(ref _pending);
                if (connection != Volatile.Read(ref _connection))
                {
                    // Received on a connection that is gone: its packet identifier may already name another message on
                    // the new one, so acknowledging it there could tell the broker a message arrived that never did.
                    // The broker re-sends it on the persistent session; applying it again changes nothing.
                    continue;
                }

                try
                {
                    await message.AcknowledgeAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // The connection it came on is gone; the broker sends it again on the persistent session and the
                    // report is idempotent. MQTTnet 5 throws more than communication errors here (a NullReferenceException
                    // once the broker was killed, found by the soak): whatever it throws, this loop must go on, since it
                    // applies every state, event and command ack the shop receives.
                    LogAckFailed(logger, report.PrinterId, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(PrinterReport report)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sink.HandleAsync(report, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !_stopping.IsCancellationRequested)
            {
                // A busy database delays an outcome, it must not lose it: retry in place. Messages behind this one
                // wait, so the order the printer sent them in is kept; brokers do not reliably re-send an
                // unacknowledged message, so not acknowledging it would not be enough.
                if (attempt == 1 || attempt % 20 == 0)
                {
                    LogHandlerRetrying(logger, ex, report.GetType().Name, report.PrinterId, attempt);
                }

                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5_000, 50 * attempt)), timeProvider, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception ex)
            {
                // A report that breaks a rule would fail the same way every time; retrying it would block every
                // message behind it. It is logged in full and acknowledged; the printer's next retained state reconciles.
                LogHandlerFailed(logger, ex, report.GetType().Name, report.PrinterId);
                return;
            }
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutException or IOException => true,
        System.Data.Common.DbException db => db.IsTransient || db.ErrorCode is 5 or 6 || db.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop MQTT client connected to {Host}:{Port}")]
    private static partial void LogConnected(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shop MQTT client could not reach {Host}:{Port}: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker has stopped delivering reports: printer {PrinterId}'s last state says job {StateJobId}, its telemetry job {TelemetryJobId} for {Seconds} s; reconnecting to have it re-send and to read every retained state again")]
    private static partial void LogDeliveryStalled(ILogger logger, string printerId, string stateJobId, string telemetryJobId, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing a command to printer {PrinterId} failed: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not acknowledge a report of printer {PrinterId} to the broker: {Reason}")]
    private static partial void LogAckFailed(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable MQTT message on {Topic}")]
    private static partial void LogUnreadable(ILogger logger, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying {ReportType} from printer {PrinterId} failed for now (attempt {Attempt}); retrying")]
    private static partial void LogHandlerRetrying(ILogger logger, Exception exception, string reportType, string printerId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Applying {ReportType} from printer {PrinterId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string reportType, string printerId);
}
