using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Jobs;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Commands;

/// <summary>
/// Takes commands one at a time, applies each command id at most once and acknowledges every delivery,
/// duplicates included (the shop re-sends until it sees an ack).
/// </summary>
internal sealed class CommandHandler(
    string printerId,
    JobCoordinator jobs,
    Action<CommandAckPayload> sendAck,
    TimeProvider timeProvider,
    ILogger logger) : IDisposable
{
    private readonly AppliedCommandLog applied = new();
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

            var decision = await ApplyAsync(command, cancellationToken);
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

    public void Dispose() => gate.Dispose();

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
