using System.Globalization;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Transport;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Firmware;

/// <summary>
/// Keeps a <see cref="GcodeLink"/> open: connect, wait for "start", identify the firmware (M115) and ask for
/// temperature auto-reports (M155), then watch until the link drops or the firmware halts. A halted printer is
/// reconnected, which resets it, but the bridge stays in Error until someone confirms the printer is fine.
/// </summary>
internal sealed class FirmwareSupervisor(
    IFirmwareTransport transport,
    BridgeOptions options,
    BridgeState state,
    BridgeEvents events,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(2);
    private readonly ILogger logger = loggerFactory.CreateLogger<FirmwareSupervisor>();
    private GcodeLink? current;

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
                logger.LogWarning("Printer {PrinterId} cannot reach its firmware at {FirmwareHost}:{FirmwarePort}: {Reason}", options.PrinterId, options.FirmwareHost, options.FirmwarePort, ex.Message);
            }

            await Task.Delay(options.ReconnectDelay, timeProvider, cancellationToken);
        }
    }

    private async Task RunConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = await transport.OpenAsync(cancellationToken);
        await using var link = new GcodeLink(connection, options.OkTimeout, timeProvider, loggerFactory.CreateLogger<GcodeLink>());
        var halted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        link.TemperaturesReported += state.SetHeaters;
        link.FirmwareIdentified += state.SetFirmware;
        link.FirmwareErrorReported += message =>
        {
            events.Publish(PrinterEventKind.FirmwareError, state.JobId, reason: message);
            if (link.HaltReason is not null)
            {
                halted.TrySetResult();
            }
        };
        link.Start();

        if (!await link.WaitForStartAsync(StartTimeout, cancellationToken))
        {
            logger.LogDebug("Printer {PrinterId} firmware sent no 'start'; assuming it was already running", options.PrinterId);
        }

        var autoReportSeconds = Math.Max(1, (int)options.TelemetryInterval.TotalSeconds);
        var hello = await link.SendCommandsAsync(["M115", string.Create(CultureInfo.InvariantCulture, $"M155 S{autoReportSeconds}")], cancellationToken);
        if (hello.Outcome != PrintOutcome.Completed)
        {
            logger.LogWarning("Printer {PrinterId} firmware handshake failed: {Reason}", options.PrinterId, hello.Reason);
            return;
        }

        logger.LogInformation("Printer {PrinterId} firmware link is up", options.PrinterId);
        Volatile.Write(ref current, link);
        state.SetFirmwareConnected(true);
        try
        {
            await Task.WhenAny(link.Completion, halted.Task).WaitAsync(cancellationToken);
        }
        finally
        {
            Volatile.Write(ref current, null);
            state.SetFirmwareConnected(false);
        }

        if (link.HaltReason is { } reason)
        {
            logger.LogError("Printer {PrinterId} firmware halted ({Reason}); reconnecting to reset it", options.PrinterId, reason);
            if (!BridgeState.IsBusy(state.Status))
            {
                // A running job reports the halt itself when it ends.
                state.SetStatus(BridgeStatus.Error);
            }
        }
        else
        {
            logger.LogWarning("Printer {PrinterId} firmware link closed", options.PrinterId);
        }
    }
}
