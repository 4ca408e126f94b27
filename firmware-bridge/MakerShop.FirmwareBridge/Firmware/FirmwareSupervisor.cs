using System.Globalization;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Firmware;

/// <summary>
/// Keeps a <see cref="GcodeLink"/> open: connect, wait for "start", identify the firmware (M115), then either turn
/// on temperature auto-reports (M155, when it advertises Cap:AUTOREPORT_TEMP) or poll M105, and watch until the link
/// drops, the firmware halts or resets, or it asks the host to disconnect. Each of those ends the connection and a
/// new one starts from scratch, since a reset firmware has forgotten its line counter and auto-reports. A halted
/// printer stays in Error until someone confirms it is fine.
/// </summary>
internal sealed class FirmwareSupervisor(
    IFirmwareTransport transport,
    BridgeOptions options,
    BridgeState state,
    BridgeEvents events,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    // A board that keeps resetting during the handshake is not coming up; the next connection tries again.
    private const int MaxHandshakeAttempts = 3;

    private readonly ILogger logger = loggerFactory.CreateLogger<FirmwareSupervisor>();
    private GcodeLink? current;

    /// <summary>Host action commands from the firmware ("//action:pause"); the bridge applies them like shop commands.</summary>
    public event Action<HostAction>? HostActionReceived;

    /// <summary>The link jobs print over; null while there is none that has finished its handshake.</summary>
    public GcodeLink? CurrentLink => Volatile.Read(ref current);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunConnectionAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Printer {PrinterId} cannot reach its firmware ({Transport}): {Reason}", options.PrinterId, transport, ex.Message);
            }

            await Task.Delay(options.ReconnectDelay, timeProvider, cancellationToken);
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await transport.OpenAsync(cancellationToken);
        await using var link = new GcodeLink(connection, options.ToLinkOptions(), timeProvider, loggerFactory.CreateLogger<GcodeLink>());
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var up = false;
        var resets = 0;
        link.TemperaturesReported += state.SetHeaters;
        link.HeaterTargetReported += state.SetHeaterTarget;
        link.FirmwareIdentified += state.SetFirmware;
        link.FirmwareErrorReported += message =>
        {
            events.Publish(PrinterEventKind.FirmwareError, state.JobId, reason: message);
            if (link.HaltReason is not null)
            {
                ended.TrySetResult("halted");
            }
        };
        link.FirmwareReset += () =>
        {
            Interlocked.Increment(ref resets);
            if (Volatile.Read(ref up))
            {
                ended.TrySetResult("the firmware reset");
            }
        };
        link.HostActionReceived += action =>
        {
            if (action.Name == HostAction.Disconnect)
            {
                ended.TrySetResult("the firmware asked the host to disconnect");
            }

            HostActionReceived?.Invoke(action);
        };
        link.Start();

        if (!await link.WaitForStartAsync(link.Options.StartTimeout, cancellationToken))
        {
            logger.LogDebug("Printer {PrinterId} firmware sent no 'start'; assuming it was already running", options.PrinterId);
        }

        // A "start" during the handshake means the board (re)booted meanwhile, e.g. it took longer than the start
        // timeout: the handshake begins again on this connection, since reconnecting would reset the board again.
        var handshaken = false;
        for (var attempt = 1; attempt <= MaxHandshakeAttempts && !handshaken; attempt++)
        {
            var resetsBefore = Volatile.Read(ref resets);
            handshaken = await HandshakeAsync(link, cancellationToken);
            if (!handshaken && Volatile.Read(ref resets) == resetsBefore)
            {
                return;
            }

            if (!handshaken)
            {
                logger.LogInformation("Printer {PrinterId} firmware reset during the handshake; starting it again", options.PrinterId);
            }
        }

        if (!handshaken)
        {
            return;
        }

        logger.LogInformation("Printer {PrinterId} firmware link is up ({Firmware})", options.PrinterId, link.Capabilities.FirmwareName ?? "unidentified");
        Volatile.Write(ref up, true);
        Volatile.Write(ref current, link);
        state.SetFirmwareConnected(true);
        string reason;
        using var pollStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = link.TemperaturePollInterval is null ? Task.CompletedTask : PollWhileIdleAsync(link, pollStop.Token);
        try
        {
            await Task.WhenAny(link.Completion, ended.Task).WaitAsync(cancellationToken);
            reason = ended.Task.IsCompleted ? await ended.Task : "the link closed";
        }
        finally
        {
            await pollStop.CancelAsync();
            await polling;
            Volatile.Write(ref current, null);
            state.SetFirmwareConnected(false);
        }

        if (link.HaltReason is { } halt)
        {
            logger.LogError("Printer {PrinterId} firmware halted ({Reason}); reconnecting to reset it", options.PrinterId, halt);
            if (!BridgeState.IsBusy(state.Status))
            {
                // A running job reports the halt itself when it ends.
                state.SetStatus(BridgeStatus.Error);
            }
        }
        else
        {
            logger.LogWarning("Printer {PrinterId} firmware link ended: {Reason}", options.PrinterId, reason);
        }
    }

    /// <summary>M115, then M155 when the firmware can auto-report temperatures, else M105 polling on the telemetry interval.</summary>
    private async Task<bool> HandshakeAsync(GcodeLink link, CancellationToken cancellationToken)
    {
        var identify = await link.SendCommandsAsync(["M115"], cancellationToken);
        if (identify.Outcome != PrintOutcome.Completed)
        {
            logger.LogWarning("Printer {PrinterId} firmware handshake failed: {Reason}", options.PrinterId, identify.Reason);
            return false;
        }

        var interval = Math.Max(1, (int)options.TelemetryInterval.TotalSeconds);
        if (link.Capabilities.AutoReportTemperatures)
        {
            var autoReport = await link.SendCommandsAsync([string.Create(CultureInfo.InvariantCulture, $"M155 S{interval}")], cancellationToken);
            if (autoReport.Outcome != PrintOutcome.Completed)
            {
                logger.LogWarning("Printer {PrinterId} firmware refused temperature auto-reports: {Reason}", options.PrinterId, autoReport.Reason);
                return false;
            }
        }
        else
        {
            logger.LogInformation("Printer {PrinterId} firmware has no AUTOREPORT_TEMP; polling M105 every {Interval}s", options.PrinterId, interval);
            link.TemperaturePollInterval = TimeSpan.FromSeconds(interval);
        }

        return true;
    }

    /// <summary>While no conversation runs (a job polls inside its own stream), an M105 conversation on the interval.</summary>
    private async Task PollWhileIdleAsync(GcodeLink link, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(link.TemperaturePollInterval!.Value, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await link.PollTemperaturesIfIdleAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The connection ended or the bridge is stopping.
        }
    }
}
