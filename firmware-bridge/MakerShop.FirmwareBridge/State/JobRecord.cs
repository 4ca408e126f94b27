using MakerShop.Contracts.Mqtt;

namespace MakerShop.FirmwareBridge.State;

/// <summary>The part of <see cref="BridgeState"/> that must survive a bridge restart.</summary>
internal sealed record JobRecord(BridgeStatus Status, string? JobId, JobOutcome? LastJob)
{
    public const string RestartedReason = "the bridge restarted during the job";

    public static JobRecord None { get; } = new(BridgeStatus.Offline, null, null);

    /// <summary>
    /// What a restarted bridge makes of the record. A job that was still running ended when the bridge went away,
    /// so it is recorded as failed (<paramref name="interrupted"/>), and one that had begun printing left a part on
    /// the bed, unless the printer ejects its parts itself. A printer that needed a person (bed to clear, error)
    /// still does; anything else starts Offline until the firmware link is up.
    /// </summary>
    public JobRecord AfterRestart(DateTimeOffset now, bool autoEject, out JobOutcome? interrupted)
    {
        if (JobId is { } jobId)
        {
            interrupted = new JobOutcome(jobId, JobOutcomeKind.Failed, RestartedReason, now);
            var partOnBed = Status is BridgeStatus.Printing or BridgeStatus.Paused && !autoEject;
            var status = partOnBed ? BridgeStatus.Finished : BridgeStatus.Offline;
            return new JobRecord(status, null, interrupted);
        }

        interrupted = null;
        return this with { Status = Status is BridgeStatus.Finished or BridgeStatus.Error ? Status : BridgeStatus.Offline };
    }
}
