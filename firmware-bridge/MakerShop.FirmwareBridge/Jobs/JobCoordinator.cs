using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Commands;
using MakerShop.FirmwareBridge.Firmware;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.State;

namespace MakerShop.FirmwareBridge.Jobs;

/// <summary>
/// Applies job commands to the one printer. The retained state is the truth about which job is active, so a
/// repeated Start for the running or the just-finished job is answered from it and never prints twice.
/// Not thread-safe: the command handler calls it one command at a time.
/// </summary>
internal sealed class JobCoordinator(
    Func<StartJobArguments, PrintJobRunner> createRunner,
    FirmwareSupervisor firmware,
    BridgeState state,
    CancellationToken stopping)
{
    private PrintJobRunner? current;
    private Task running = Task.CompletedTask;

    /// <summary>Completes when the latest job has fully ended.</summary>
    public Task Running => running;

    private PrintJobRunner? Active => current is { } runner && state.JobId == runner.JobId ? runner : null;

    public CommandDecision Start(StartJobArguments? job)
    {
        if (job is null)
        {
            return CommandDecision.Reject("missing-start-arguments");
        }

        if (state.JobId is { } activeJobId)
        {
            return activeJobId == job.JobId ? CommandDecision.Accept("already-running") : CommandDecision.Reject("busy");
        }

        if (state.LastJob?.JobId == job.JobId)
        {
            state.Republish();
            return CommandDecision.Accept("already-finished");
        }

        if (!state.TryBeginJob(job.JobId))
        {
            return CommandDecision.Reject(state.Status switch
            {
                BridgeStatus.Finished => "bed-not-cleared",
                BridgeStatus.Error => "printer-error",
                BridgeStatus.Offline => "firmware-offline",
                _ => "busy",
            });
        }

        current?.Dispose();
        var runner = createRunner(job);
        current = runner;
        running = Task.Run(() => runner.RunAsync(stopping), CancellationToken.None);
        return CommandDecision.Accept();
    }

    public CommandDecision Pause(string? jobId)
    {
        if (Mismatch(jobId) is { } refused)
        {
            return refused;
        }

        switch (state.Status)
        {
            case BridgeStatus.Paused:
                return CommandDecision.Accept("already-paused");
            case BridgeStatus.Printing:
                Active!.Control.Pause();
                state.SetStatus(BridgeStatus.Paused);
                return CommandDecision.Accept();
            default:
                return CommandDecision.Reject("not-printing");
        }
    }

    public CommandDecision Resume(string? jobId)
    {
        if (Mismatch(jobId) is { } refused)
        {
            return refused;
        }

        switch (state.Status)
        {
            case BridgeStatus.Printing:
                return CommandDecision.Accept("already-printing");
            case BridgeStatus.Paused:
                state.SetStatus(BridgeStatus.Printing);
                Active!.Control.Resume();
                return CommandDecision.Accept();
            default:
                return CommandDecision.Reject("not-paused");
        }
    }

    public CommandDecision Cancel(string? jobId)
    {
        if (Active is { } runner)
        {
            if (jobId is not null && jobId != runner.JobId)
            {
                return CommandDecision.Reject("not-current-job");
            }

            runner.Cancel();
            return CommandDecision.Accept();
        }

        return jobId is not null && state.LastJob?.JobId == jobId
            ? CommandDecision.Accept("already-finished")
            : CommandDecision.Reject("no-job");
    }

    public async Task<CommandDecision> EmergencyStopAsync(CancellationToken cancellationToken)
    {
        if (firmware.CurrentLink is not { } link)
        {
            return CommandDecision.Reject("firmware-offline");
        }

        try
        {
            await link.EmergencyStopAsync(cancellationToken);
        }
        finally
        {
            // Even when M112 could not be written, the printer gets no further line from this bridge.
            Halt();
        }

        return CommandDecision.Accept();
    }

    /// <summary>
    /// The firmware's host actions, as OctoPrint applies them: pause/paused stop sending, resume/resumed go on,
    /// cancel ends the job with the cancel sequence. Everything else (prompts, notifications) is only logged by the link.
    /// </summary>
    public CommandDecision ApplyHostAction(HostAction action) => action.Name switch
    {
        HostAction.Pause or HostAction.Paused => Pause(null),
        HostAction.Resume or HostAction.Resumed => Resume(null),
        HostAction.Cancel => Cancel(null),
        _ => CommandDecision.Accept("not-a-job-action"),
    };

    public CommandDecision BedCleared() =>
        state.TryClearBed() ? CommandDecision.Accept() : CommandDecision.Reject("busy");

    private CommandDecision? Mismatch(string? jobId) =>
        jobId is not null && Active is { } runner && runner.JobId != jobId ? CommandDecision.Reject("not-current-job") : null;

    private void Halt()
    {
        if (Active is { } runner)
        {
            runner.EmergencyStop();
        }
        else
        {
            state.SetStatus(BridgeStatus.Error);
        }
    }
}
