using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Commands;
using MakerShop.FirmwareBridge.Download;
using MakerShop.FirmwareBridge.Firmware;
using MakerShop.FirmwareBridge.Jobs;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.Persistence;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge;

/// <summary>
/// Runs beside one printer: keeps the firmware link and the MQTT session up independently (a print goes on while
/// the broker is away), takes commands, runs jobs and reports state, telemetry and events to the shop. What the shop
/// must not lose (the last job's outcome, the answers to applied commands, unpublished events and acks) is kept in
/// a <see cref="BridgeJournal"/> in the work directory, so it outlives a restart of the bridge.
/// </summary>
public sealed class PrinterBridge : IAsyncDisposable
{
    /// <summary>How long stopping may take before the bridge gives up waiting and lets go.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly BridgeOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger<PrinterBridge> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly BridgeJournal journal;
    private readonly MqttOutbox outbox;
    private readonly BridgeState state;
    private readonly AppliedCommandLog applied;
    private readonly FirmwareSupervisor firmware;
    private readonly JobCoordinator jobs;
    private readonly CommandHandler commands;
    private readonly BridgeMqttClient mqtt;
    private Task loops = Task.CompletedTask;
    private readonly Lock stateGate = new();
    private int stopped;

    public PrinterBridge(BridgeOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(options, httpClient, FirmwareTransportFactory.Create(options), timeProvider, loggerFactory)
    {
    }

    /// <summary>For transports other than TCP (a serial port, or a fake in tests).</summary>
    public PrinterBridge(BridgeOptions options, HttpClient httpClient, IFirmwareTransport transport, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        this.timeProvider = timeProvider;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<PrinterBridge>();

        journal = new BridgeJournal(options.WorkDirectory, loggerFactory.CreateLogger<BridgeJournal>());
        var restored = journal.Load();
        var job = restored.Job.AfterRestart(timeProvider.GetUtcNow(), options.AutoEject, out var interrupted);
        outbox = new MqttOutbox(options.PrinterId, restored.Outbox);
        state = new BridgeState(options.AutoEject, timeProvider, job);
        applied = new AppliedCommandLog(restored.AppliedCommands);
        state.Changed += () =>
        {
            // Journal first (write-ahead): an outcome the shop may already have seen must survive a crash right after.
            // Serialised, so the state handed to the outbox last is never older than one handed before it.
            lock (stateGate)
            {
                SaveJournal();
                outbox.SetState(BridgeMessages.State(options.PrinterId, state.ToStatePayload()));
            }
        };
        outbox.Changed += SaveJournal;

        var events = new BridgeEvents(outbox, timeProvider);
        if (interrupted is not null)
        {
            logger.LogWarning("Printer {PrinterId} bridge restarted while job {JobId} was running; reporting it as failed", options.PrinterId, interrupted.JobId);
            events.Publish(PrinterEventKind.JobFailed, interrupted.JobId, reason: interrupted.Reason);
        }

        firmware = new FirmwareSupervisor(transport, options, state, events, timeProvider, loggerFactory);
        var downloader = new GcodeDownloader(
            httpClient,
            new DeviceCredentials(options.PrinterId, options.Secret),
            options.WorkDirectory,
            timeProvider,
            loggerFactory.CreateLogger<GcodeDownloader>());
        var jobLogger = loggerFactory.CreateLogger<PrintJobRunner>();
        jobs = new JobCoordinator(
            next => new PrintJobRunner(next, downloader, firmware, state, events, options, timeProvider, jobLogger),
            firmware,
            state,
            stopping.Token);
        commands = new CommandHandler(
            options.PrinterId,
            jobs,
            applied,
            outbox.Enqueue,
            timeProvider,
            loggerFactory.CreateLogger<CommandHandler>());
        firmware.HostActionReceived += action => _ = ApplyHostActionAsync(action);
        mqtt = new BridgeMqttClient(
            options,
            timeProvider,
            loggerFactory.CreateLogger<BridgeMqttClient>(),
            command => commands.HandleAsync(command, stopping.Token),
            OnMqttConnected);

        // The first retained state after a restart already carries what the journal brought back.
        outbox.SetState(BridgeMessages.State(options.PrinterId, state.ToStatePayload()));
        SaveJournal();
    }

    public BridgeStatus Status => state.Status;

    public bool IsMqttConnected => mqtt.IsConnected;

    /// <summary>The retained state as it would be published now.</summary>
    public PrinterStatePayload CurrentState => state.ToStatePayload();

    /// <summary>Events and acks the broker has not taken yet.</summary>
    internal int PendingMessages => outbox.PendingCount;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogInformation("Printer {PrinterId} bridge starting: {Options}", options.PrinterId, options);
        var token = stopping.Token;
        loops = Task.WhenAll(
            Supervise("mqtt", mqtt.RunAsync, token),
            Supervise("outbox", t => outbox.RunAsync(mqtt.PublishAsync, t), token),
            Supervise("firmware", firmware.RunAsync, token),
            Supervise("telemetry", PublishTelemetryAsync, token));
        return Task.CompletedTask;
    }

    /// <summary>Stops the loops, lets a running job wind down and says goodbye to the broker, within <see cref="ShutdownTimeout"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        logger.LogInformation("Printer {PrinterId} bridge stopping", options.PrinterId);
        using var timeout = new CancellationTokenSource(ShutdownTimeout, timeProvider);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await stopping.CancelAsync();
            await loops.WaitAsync(bounded.Token);
            await IgnoreCancellation(jobs.Running).WaitAsync(bounded.Token);
            await mqtt.DisconnectAsync(BridgeMessages.OfflineState(options, timeProvider.GetUtcNow()), bounded.Token);
        }
        catch (OperationCanceledException) when (bounded.IsCancellationRequested)
        {
            // The broker's last will reports the printer offline once the connection drops.
            logger.LogWarning("Printer {PrinterId} bridge did not stop cleanly within {Timeout}; letting go", options.PrinterId, ShutdownTimeout);
        }
        finally
        {
            SaveJournal();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await mqtt.DisposeAsync();
        commands.Dispose();
        stopping.Dispose();
    }

    /// <summary>Every (re)connect republishes the retained state and drains what queued up while away.</summary>
    private void OnMqttConnected()
    {
        state.Republish();
        outbox.Signal();
    }

    /// <summary>Off the firmware's read loop, which must never wait on the command gate.</summary>
    private async Task ApplyHostActionAsync(Gcode.Replies.HostAction action)
    {
        try
        {
            await Task.Yield();
            await commands.HandleHostActionAsync(action, stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The bridge is stopping; the action dies with the job.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Printer {PrinterId} could not apply firmware action {Action}", options.PrinterId, action.Name);
        }
    }

    private void SaveJournal() =>
        journal.Save(() => new BridgeSnapshot(state.ToJobRecord(), applied.Snapshot(), outbox.Snapshot()));

    private async Task PublishTelemetryAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.TelemetryInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            // Droppable by contract: no outbox, no retry.
            await mqtt.PublishAsync(BridgeMessages.Telemetry(options.PrinterId, state.ToTelemetryPayload()), cancellationToken);
        }
    }

    private Task Supervise(string name, Func<CancellationToken, Task> loop, CancellationToken cancellationToken) =>
        new SupervisedLoop(name, options.PrinterId, options.ReconnectDelay, timeProvider, loggerFactory.CreateLogger<SupervisedLoop>())
            .RunAsync(loop, cancellationToken);

    private async Task IgnoreCancellation(Task job)
    {
        try
        {
            await job;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // A job that was stopped with the bridge is picked up by the journal on the next start.
        }
    }
}
