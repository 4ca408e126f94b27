using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Commands;
using MakerShop.FirmwareBridge.Download;
using MakerShop.FirmwareBridge.Firmware;
using MakerShop.FirmwareBridge.Jobs;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge;

/// <summary>
/// Runs beside one printer: keeps the firmware link and the MQTT session up independently (a print goes on while
/// the broker is away), takes commands, runs jobs and reports state, telemetry and events to the shop.
/// </summary>
public sealed class PrinterBridge : IAsyncDisposable
{
    private readonly BridgeOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<PrinterBridge> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly MqttOutbox outbox = new();
    private readonly BridgeState state;
    private readonly FirmwareSupervisor firmware;
    private readonly JobCoordinator jobs;
    private readonly CommandHandler commands;
    private readonly BridgeMqttClient mqtt;
    private Task loops = Task.CompletedTask;
    private int stopped;

    public PrinterBridge(BridgeOptions options, HttpClient httpClient, TimeProvider timeProvider, ILoggerFactory loggerFactory)
        : this(options, httpClient, new TcpFirmwareTransport(options?.FirmwareHost ?? string.Empty, options?.FirmwarePort ?? 0), timeProvider, loggerFactory)
    {
    }

    /// <summary>For transports other than TCP (a serial port, or a fake in tests).</summary>
    public PrinterBridge(BridgeOptions options, HttpClient httpClient, IFirmwareTransport transport, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.options = options;
        this.timeProvider = timeProvider;
        logger = loggerFactory.CreateLogger<PrinterBridge>();

        state = new BridgeState(options.AutoEject, timeProvider);
        state.Changed += () => outbox.SetState(BridgeMessages.State(options.PrinterId, state.ToStatePayload()));
        var events = new BridgeEvents(options.PrinterId, outbox, timeProvider);
        firmware = new FirmwareSupervisor(transport, options, state, events, timeProvider, loggerFactory);
        var downloader = new GcodeDownloader(
            httpClient,
            new DeviceCredentials(options.PrinterId, options.Secret),
            options.WorkDirectory,
            timeProvider,
            loggerFactory.CreateLogger<GcodeDownloader>());
        var jobLogger = loggerFactory.CreateLogger<PrintJobRunner>();
        jobs = new JobCoordinator(
            job => new PrintJobRunner(job, downloader, firmware, state, events, options, timeProvider, jobLogger),
            firmware,
            state,
            stopping.Token);
        commands = new CommandHandler(
            options.PrinterId,
            jobs,
            ack => outbox.Enqueue(BridgeMessages.Ack(options.PrinterId, ack)),
            timeProvider,
            loggerFactory.CreateLogger<CommandHandler>());
        mqtt = new BridgeMqttClient(
            options,
            timeProvider,
            loggerFactory.CreateLogger<BridgeMqttClient>(),
            command => commands.HandleAsync(command, stopping.Token),
            OnMqttConnected);
    }

    public BridgeStatus Status => state.Status;

    public bool IsMqttConnected => mqtt.IsConnected;

    /// <summary>The retained state as it would be published now.</summary>
    public PrinterStatePayload CurrentState => state.ToStatePayload();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        logger.LogInformation("Printer {PrinterId} bridge starting: {Options}", options.PrinterId, options);
        var token = stopping.Token;
        loops = Task.WhenAll(
            Loop(mqtt.RunAsync(token)),
            Loop(outbox.RunAsync(mqtt.PublishAsync, token)),
            Loop(firmware.RunAsync(token)),
            Loop(PublishTelemetryAsync(token)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        logger.LogInformation("Printer {PrinterId} bridge stopping", options.PrinterId);
        await stopping.CancelAsync();
        await loops.WaitAsync(cancellationToken);
        await Loop(jobs.Running).WaitAsync(cancellationToken);
        await mqtt.DisconnectAsync(PrinterStatePayload.Offline(timeProvider.GetUtcNow()), cancellationToken);
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

    private async Task PublishTelemetryAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.TelemetryInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            // Droppable by contract: no outbox, no retry.
            await mqtt.PublishAsync(BridgeMessages.Telemetry(options.PrinterId, state.ToTelemetryPayload()), cancellationToken);
        }
    }

    private async Task Loop(Task loop)
    {
        try
        {
            await loop;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping is the one expected way out of a loop.
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "Printer {PrinterId} bridge loop crashed", options.PrinterId);
            throw;
        }
    }
}
