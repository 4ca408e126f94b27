using System.Net.Sockets;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.Jobs;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Commands;

/// <summary>
/// Takes commands one at a time, applies each command id at most once and acknowledges every delivery,
/// duplicates included (the shop re-sends until it sees an ack). A command that fails on the way to the firmware
/// is rejected as "firmware-offline" and not remembered, so a re-send of it is tried again.
/// </summary>
internal sealed class CommandHandler(
    string printerId,
    JobCoordinator jobs,
    AppliedCommandLog applied,
    Action<CommandAckPayload> sendAck,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    public const string FirmwareOffline = "firmware-offline";
    public const string InternalError = "internal-error";

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task HandleAsync(PrinterCommandPayload command, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (applied.TryGet(command.CommandId, out var previous))
            {
                logger.LogInformation("Printer {PrinterId} re-acknowledges duplicate command {CommandId}", printerId, command.CommandId);
                sendAck(previous with { At = timeProvider.GetUtcNow() });
                return;
            }

            CommandDecision decision;
            try
            {
                decision = await ApplyAsync(command, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var reason = IsFirmwareFault(ex) ? FirmwareOffline : InternalError;
                logger.LogError(ex, "Printer {PrinterId} could not apply command {CommandId} ({CommandKind}): {Reason}", printerId, command.CommandId, command.Kind, reason);
                sendAck(new CommandAckPayload(command.CommandId, false, reason, timeProvider.GetUtcNow()));
                return;
            }

            var ack = new CommandAckPayload(command.CommandId, decision.Accepted, decision.Reason, timeProvider.GetUtcNow());
            applied.Remember(ack);
            sendAck(ack);
            logger.LogInformation(
                "Printer {PrinterId} {Verdict} command {CommandId} ({CommandKind}) for job {JobId}: {Reason}",
                printerId,
                decision.Accepted ? "accepted" : "rejected",
                command.CommandId,
                command.Kind,
                command.Start?.JobId ?? command.JobId,
                decision.Reason);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// A host action from the firmware ("//action:pause" after a filament runout, "//action:cancel" from the LCD) is
    /// applied like the matching shop command, in turn with them, but has no command id and gets no ack.
    /// </summary>
    public async Task HandleHostActionAsync(HostAction action, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var decision = jobs.ApplyHostAction(action);
            logger.LogInformation("Printer {PrinterId} applied firmware action {Action}: {Verdict} {Reason}", printerId, action.Name, decision.Accepted ? "accepted" : "refused", decision.Reason);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    /// <summary>The ways a write fails when the link to the firmware is gone or going.</summary>
    internal static bool IsFirmwareFault(Exception ex) =>
        ex is IOException or SocketException or ObjectDisposedException or TimeoutException or OperationCanceledException;

    private async Task<CommandDecision> ApplyAsync(PrinterCommandPayload command, CancellationToken cancellationToken) => command.Kind switch
    {
        PrinterCommandKind.Start => jobs.Start(command.Start),
        PrinterCommandKind.Pause => jobs.Pause(command.JobId),
        PrinterCommandKind.Resume => jobs.Resume(command.JobId),
        PrinterCommandKind.Cancel => jobs.Cancel(command.JobId),
        PrinterCommandKind.EmergencyStop => await jobs.EmergencyStopAsync(cancellationToken),
        PrinterCommandKind.BedCleared => jobs.BedCleared(),
        _ => CommandDecision.Reject("unknown-command"),
    };
}
