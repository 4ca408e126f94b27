using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// The shop's one MQTT connection to one Bambu Lab printer (its broker takes only a few clients): TLS to port 8883 with
/// the certificate pinned at registration, user <c>bblp</c> and the access code, subscribed to the printer's report
/// topic. Keeps the merged report, asks for a full one on each connection and when the printer falls silent, and
/// reconnects with growing pauses; a refused access code or a changed certificate stops it, since retrying the same
/// credentials against the same certificate can only fail the same way.
/// </summary>
public sealed partial class BambuMqttSession : IAsyncDisposable
{
    private const int FirstSequenceId = 20000;
    private const int LastSequenceId = 29999;
    private static readonly TimeSpan PushAllSpacing = TimeSpan.FromSeconds(3);

    private readonly BambuLanOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly BambuAddressCheck _addresses;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonObject>> _replies = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    private IMqttClient? _client;
    private Task? _loop;
    private int _sequence = FirstSequenceId;
    private DateTimeOffset _lastMessageAt;
    private DateTimeOffset _lastPushAllAt = DateTimeOffset.MinValue;
    private DateTimeOffset? _controlRefusedAt;
    private bool _certificateMismatch;

    public BambuMqttSession(HttpPrinterEndpoint endpoint, BambuLanOptions options, TimeProvider time, ILogger logger, BambuAddressCheck? addresses = null)
    {
        _addresses = addresses ?? new BambuAddressCheck();
        ArgumentNullException.ThrowIfNull(endpoint);
        Identity = endpoint.Bambu ?? throw new ArgumentException("The endpoint is not a Bambu Lab printer's.", nameof(endpoint));
        Endpoint = endpoint;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public HttpPrinterEndpoint Endpoint { get; }

    public BambuPrinterIdentity Identity { get; }

    public BambuReportState State { get; } = new();

    public BambuLinkState Link { get; private set; } = BambuLinkState.Connecting;

    /// <summary>Why the link is not up, in words (the last connection failure).</summary>
    public string? LinkReason { get; private set; }

    /// <summary>The shop job file the shop stopped, or the printer said was stopped, so its FAILED reads as cancelled.</summary>
    public string? CancelledFile { get; private set; }

    /// <summary>Connections made so far: a test (and a log) can tell a reconnect from a link that never dropped.</summary>
    public int Connections { get; private set; }

    public string ReportTopic => $"device/{Identity.Serial}/report";

    public string RequestTopic => $"device/{Identity.Serial}/request";

    /// <summary>The printer was found refusing control commands without a <c>fun</c> bit to say so, and the shop has not tried again since.</summary>
    public bool ControlRefused
    {
        get
        {
            lock (_gate)
            {
                return _controlRefusedAt is { } at && _time.GetUtcNow() - at < _options.RefusalRetry;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    public HttpPrinterObservation Observe() => Link switch
    {
        BambuLinkState.AccessCodeRefused => HttpPrinterObservation.Unauthorized(Reports.PrinterErrorReasons.BambuAccessCodeRefused),
        BambuLinkState.CertificateChanged => HttpPrinterObservation.Unauthorized(Reports.PrinterErrorReasons.BambuCertificateChanged),
        BambuLinkState.Connected when State.HasReport => BambuReportTranslator.Observe(State.Snapshot(), CancelledFile, ControlRefused, Wanted),
        BambuLinkState.Connected => HttpPrinterObservation.Unreachable("connected; waiting for the printer's first full report"),
        _ => HttpPrinterObservation.Unreachable(LinkReason ?? "connecting to the printer's MQTT broker"),
    };

    /// <summary>Sends a command at QoS 1 (the printer ignores QoS 0 while busy); false when there is no connection to send it on.</summary>
    public async Task<bool> PublishAsync(JsonObject command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var client = _client;
        if (client is not { IsConnected: true })
        {
            return false;
        }

        var message = new MqttApplicationMessageBuilder()
            .WithTopic(RequestTopic)
            .WithPayload(command.ToJsonString())
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            var result = await client.PublishAsync(message, cancellationToken);
            return result.IsSuccess;
        }
        catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A fresh <c>sequence_id</c> from the range BambuStudio keeps for its own commands (20000–29999), as a string.</summary>
    public string NextSequenceId()
    {
        var next = Interlocked.Increment(ref _sequence);
        if (next > LastSequenceId)
        {
            Interlocked.CompareExchange(ref _sequence, FirstSequenceId, next);
            next = Interlocked.Increment(ref _sequence);
        }

        return next.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the printer's reply to the command with this <c>sequence_id</c>; call before publishing it.</summary>
    public Task<JsonObject> ReplyTo(string sequenceId)
    {
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _replies[sequenceId] = reply;
        }

        return reply.Task;
    }

    public void ForgetReply(string sequenceId)
    {
        lock (_gate)
        {
            _replies.Remove(sequenceId);
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds for the merged report, checked at each message, or until
    /// <paramref name="timeout"/> passes on the session's clock; true when it held.
    /// </summary>
    public async Task<bool> WaitForAsync(Func<JsonObject, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = _time.GetUtcNow() + timeout;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                signal = _changed.Task;
            }

            if (Link == BambuLinkState.Connected && State.HasReport && condition(State.Snapshot()))
            {
                return true;
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            var delay = Task.Delay(remaining, _time, linked.Token);
            await Task.WhenAny(signal, delay);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The printer refuses control commands: dispatching to it waits until the shop tries again.</summary>
    public void MarkControlRefused()
    {
        lock (_gate)
        {
            _controlRefusedAt = _time.GetUtcNow();
        }

        Signal();
    }

    /// <summary>The filament a job the printer had to refuse needed, until one of its trays holds it.</summary>
    public FilamentNeed? Wanted { get; private set; }

    public void MarkWanted(FilamentNeed? need)
    {
        Wanted = need;
        Signal();
    }

    public void MarkCancelled(string? file)
    {
        CancelledFile = file;
        Signal();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
                // Stopping: a loop that is slow to notice is abandoned with its client.
            }
        }

        if (_client is { } client)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var pause = _options.FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var connected = await ConnectAndServeAsync(stopping);
                if (Link is BambuLinkState.AccessCodeRefused or BambuLinkState.CertificateChanged)
                {
                    return;
                }

                pause = connected ? _options.FirstRetry : Next(pause);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A bug in handling one connection must not end the session: log it and connect again.
                LogSessionFailed(_logger, ex, Endpoint.PrinterId);
                pause = Next(pause);
            }

            try
            {
                await Task.Delay(pause, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private TimeSpan Next(TimeSpan pause) => pause * 2 > _options.LongestRetry ? _options.LongestRetry : pause * 2;

    /// <summary>One connection from connect to loss; true when it was established.</summary>
    private async Task<bool> ConnectAndServeAsync(CancellationToken stopping)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        MqttClientConnectResultCode? refusedWith = null;
        client.ApplicationMessageReceivedAsync += args =>
        {
            OnMessage(args.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += args =>
        {
            refusedWith ??= args.ConnectResult?.ResultCode;
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        _certificateMismatch = false;
        var (host, refusal) = await _addresses.CheckAsync(Endpoint, stopping);
        if (refusal is not null)
        {
            client.Dispose();
            SetLink(BambuLinkState.Unreachable, refusal);
            LogAddressRefused(_logger, Endpoint.PrinterId, "MQTT", refusal);
            return false;
        }

        try
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            connecting.CancelAfter(_options.ConnectTimeout);
            var result = await client.ConnectAsync(ClientOptions(host), connecting.Token);
            refusedWith = result.ResultCode == MqttClientConnectResultCode.Success ? null : result.ResultCode;
            if (refusedWith is null)
            {
                await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(ReportTopic, MqttQualityOfServiceLevel.AtMostOnce).Build(), connecting.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            if (refusedWith is null)
            {
                client.Dispose();
                if (_certificateMismatch)
                {
                    SetLink(BambuLinkState.CertificateChanged, "the printer presented another certificate than the one pinned at registration");
                    LogCertificateChanged(_logger, Endpoint.PrinterId);
                    return false;
                }

                SetLink(BambuLinkState.Unreachable, ex is OperationCanceledException ? "the printer did not answer in time" : ex.Message);
                LogUnreachable(_logger, Endpoint.PrinterId, LinkReason!);
                return false;
            }
        }

        if (refusedWith is { } code)
        {
            client.Dispose();
            if (code is MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.NotAuthorized)
            {
                SetLink(BambuLinkState.AccessCodeRefused, "the printer refused the access code");
                LogAccessCodeRefused(_logger, Endpoint.PrinterId);
            }
            else
            {
                SetLink(BambuLinkState.Unreachable, "the printer refused the connection: " + code);
                LogUnreachable(_logger, Endpoint.PrinterId, LinkReason!);
            }

            return false;
        }

        State.Clear();
        lock (_gate)
        {
            _controlRefusedAt = null;
            _lastMessageAt = _time.GetUtcNow();
        }

        _client = client;
        Connections++;
        SetLink(BambuLinkState.Connected, null);
        LogConnected(_logger, Endpoint.PrinterId, Identity.Serial);
        try
        {
            await RequestPushAllAsync(stopping);
            await WatchAsync(client, lost.Task, stopping);
        }
        finally
        {
            _client = null;
            if (Link == BambuLinkState.Connected)
            {
                SetLink(BambuLinkState.Unreachable, "the connection to the printer was lost");
                LogLost(_logger, Endpoint.PrinterId);
            }

            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException)
            {
                // Gone already.
            }

            client.Dispose();
        }

        return true;
    }

    /// <summary>
    /// Waits for the connection to drop. Until a full report came the printer is asked for one again every few seconds.
    /// Past the watchdog's silence the printer is asked to push again (the printer sometimes just stops); silent for
    /// twice as long, the connection is dropped and made anew.
    /// </summary>
    private async Task WatchAsync(IMqttClient client, Task lost, CancellationToken stopping)
    {
        var nudged = false;
        var tick = _options.Watchdog / 4 < PushAllSpacing ? _options.Watchdog / 4 : PushAllSpacing;
        while (!lost.IsCompleted)
        {
            await Task.WhenAny(lost, Task.Delay(tick, _time, stopping));
            stopping.ThrowIfCancellationRequested();
            DateTimeOffset last;
            lock (_gate)
            {
                last = _lastMessageAt;
            }

            var silence = _time.GetUtcNow() - last;
            if (!State.HasReport && !lost.IsCompleted && _time.GetUtcNow() - _lastPushAllAt >= PushAllSpacing)
            {
                // A printer busy pushing deltas ignores a pushall that comes too soon after its last one (P1 firmware
                // does), and the deltas alone never say which job runs: ask again until a full report came.
                await RequestPushAllAsync(stopping);
            }

            if (silence < _options.Watchdog)
            {
                nudged = false;
            }
            else if (!nudged)
            {
                nudged = true;
                LogSilent(_logger, Endpoint.PrinterId, (int)silence.TotalSeconds);
                await PublishAsync(new JsonObject { ["pushing"] = new JsonObject { ["sequence_id"] = "0", ["command"] = "start" } }, stopping);
                await RequestPushAllAsync(stopping);
            }
            else if (silence >= _options.Watchdog * 2)
            {
                SetLink(BambuLinkState.Unreachable, "the printer stopped sending reports");
                return;
            }
        }
    }

    /// <summary>A full report, never more often than BambuStudio allows itself (every 3 s); P1 firmware lags under more.</summary>
    private async Task RequestPushAllAsync(CancellationToken cancellationToken)
    {
        var wait = _lastPushAllAt + PushAllSpacing - _time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        _lastPushAllAt = _time.GetUtcNow();
        await PublishAsync(new JsonObject { ["pushing"] = new JsonObject { ["sequence_id"] = "0", ["command"] = "pushall", ["version"] = 1, ["push_target"] = 1 } }, cancellationToken);
    }

    private MqttClientOptions ClientOptions(string host) => new MqttClientOptionsBuilder()
        .WithTcpServer(host, Endpoint.BaseUrl.IsDefaultPort ? BambuPrinterIdentity.MqttPort : Endpoint.BaseUrl.Port)
        .WithProtocolVersion(MqttProtocolVersion.V311)
        .WithClientId("makershop-" + Guid.NewGuid().ToString("N")[..12])
        .WithCredentials("bblp", Endpoint.ApiKey)
        .WithCleanSession()
        .WithKeepAlivePeriod(_options.KeepAlive)
        .WithTimeout(_options.ConnectTimeout)
        .WithTlsOptions(tls => tls
            .UseTls()
            .WithTargetHost(Identity.Serial)
            .WithCertificateValidationHandler(args => Pinned(args.Certificate)))
        .Build();

    /// <summary>Only the certificate pinned at registration is accepted; the printer's CA is not needed then, and never skipped.</summary>
    private bool Pinned(System.Security.Cryptography.X509Certificates.X509Certificate? certificate)
    {
        if (certificate is null)
        {
            _certificateMismatch = true;
            return false;
        }

        var presented = Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
        var pinned = string.Equals(presented, Identity.CertificateSha256, StringComparison.OrdinalIgnoreCase);
        _certificateMismatch = !pinned;
        return pinned;
    }

    private void OnMessage(string payload)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(payload) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            message = null;
        }

        lock (_gate)
        {
            _lastMessageAt = _time.GetUtcNow();
        }

        if (message is null)
        {
            LogUnreadable(_logger, Endpoint.PrinterId);
            return;
        }

        foreach (var (_, node) in message)
        {
            if (node is not JsonObject body)
            {
                continue;
            }

            var command = BambuReportTranslator.Text(body["command"]);
            if (string.Equals(BambuReportTranslator.Text(body["result"]), "failed", StringComparison.OrdinalIgnoreCase)
                && BambuReportTranslator.Text(body["reason"])?.Contains("verify failed", StringComparison.OrdinalIgnoreCase) == true)
            {
                MarkControlRefused();
            }

            if (BambuReportTranslator.Text(body["sequence_id"]) is { } sequenceId && command != "push_status")
            {
                TaskCompletionSource<JsonObject>? reply;
                lock (_gate)
                {
                    _replies.Remove(sequenceId, out reply);
                }

                reply?.TrySetResult(body);
            }

            if (command == "push_status")
            {
                if (BambuReportTranslator.Number(body["print_error"]) is BambuHms.UserCancelled)
                {
                    CancelledFile = BambuReportTranslator.Text(body["subtask_name"]) ?? BambuReportTranslator.Text(State.Snapshot()["subtask_name"]);
                }

                State.Merge(body);
            }
        }

        Signal();
    }

    private void SetLink(BambuLinkState link, string? reason)
    {
        LinkReason = reason;
        Link = link;
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shop's printer address policy refuses the {Channel} connection to Bambu Lab printer {PrinterId}: {Reason}")]
    private static partial void LogAddressRefused(ILogger logger, string printerId, string channel, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Bambu Lab printer {PrinterId} (serial {Serial}) over MQTT")]
    private static partial void LogConnected(ILogger logger, string printerId, string serial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection to Bambu Lab printer {PrinterId} was lost; reconnecting")]
    private static partial void LogLost(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bambu Lab printer {PrinterId} cannot be reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string printerId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bambu Lab printer {PrinterId} refused the shop's access code; the shop stops connecting until the code is corrected")]
    private static partial void LogAccessCodeRefused(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bambu Lab printer {PrinterId} presented another certificate than the one pinned at registration; the shop does not connect to it")]
    private static partial void LogCertificateChanged(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu Lab printer {PrinterId} sent nothing for {Seconds} s; asking it to push its state again")]
    private static partial void LogSilent(ILogger logger, string printerId, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu Lab printer {PrinterId} sent a message that is not JSON; ignored")]
    private static partial void LogUnreadable(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The MQTT session with Bambu Lab printer {PrinterId} failed; reconnecting")]
    private static partial void LogSessionFailed(ILogger logger, Exception exception, string printerId);
}
