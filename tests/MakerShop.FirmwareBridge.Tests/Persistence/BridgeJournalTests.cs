using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.Persistence;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Persistence;

public sealed class BridgeJournalTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory work = new();

    public void Dispose() => work.Dispose();

    [Fact]
    public void A_saved_snapshot_is_loaded_back_by_a_new_journal()
    {
        var snapshot = new BridgeSnapshot(
            new JobRecord(BridgeStatus.Finished, null, new JobOutcome("job-1", JobOutcomeKind.Completed, null, At)),
            [new CommandAckPayload("cmd-1", true, null, At), new CommandAckPayload("cmd-2", false, "busy", At)],
            [
                OutboxEntry.For(new PrinterEventPayload("evt-1", PrinterEventKind.JobCompleted, "job-1", 1, null, At)),
                OutboxEntry.For(new CommandAckPayload("cmd-2", false, "busy", At)),
            ]);
        new BridgeJournal(work.Path, NullLogger.Instance).Save(() => snapshot);

        var loaded = new BridgeJournal(work.Path, NullLogger.Instance).Load();

        Assert.Equal(snapshot.Job, loaded.Job);
        Assert.Equal(snapshot.AppliedCommands, loaded.AppliedCommands);
        Assert.Equal(snapshot.Outbox, loaded.Outbox);
        Assert.False(File.Exists(Path.Combine(work.Path, BridgeJournal.FileName + ".tmp")));
    }

    [Theory]
    [InlineData("{ \"job\": { \"status\": \"fini")]
    [InlineData("not json at all")]
    [InlineData("{ \"schemaVersion\": 99, \"job\": { \"status\": \"idle\" }, \"appliedCommands\": [], \"outbox\": [] }")]
    [InlineData("{ \"schemaVersion\": 1, \"job\": { \"status\": \"idle\" }, \"appliedCommands\": [], \"outbox\": [ {} ] }")]
    public void A_corrupt_or_unknown_journal_is_ignored(string content)
    {
        File.WriteAllText(Path.Combine(work.Path, BridgeJournal.FileName), content);

        var loaded = new BridgeJournal(work.Path, NullLogger.Instance).Load();

        Assert.Same(BridgeSnapshot.Empty, loaded);
    }

    [Fact]
    public void A_half_written_temporary_file_never_replaces_the_journal()
    {
        var journal = new BridgeJournal(work.Path, NullLogger.Instance);
        var outcome = new JobOutcome("job-1", JobOutcomeKind.Failed, "nozzle clog", At);
        journal.Save(() => BridgeSnapshot.Empty with { Job = new JobRecord(BridgeStatus.Finished, null, outcome) });
        File.WriteAllText(Path.Combine(work.Path, BridgeJournal.FileName + ".tmp"), "{ \"job\": ");

        var loaded = new BridgeJournal(work.Path, NullLogger.Instance).Load();

        Assert.Equal(outcome, loaded.Job.LastJob);
    }

    [Theory]
    [InlineData(false, BridgeStatus.Finished)]
    [InlineData(true, BridgeStatus.Offline)]
    public void A_running_job_found_after_a_restart_is_recorded_as_failed_and_its_part_left_on_the_bed_unless_ejected(bool autoEject, BridgeStatus expected)
    {
        var record = new JobRecord(BridgeStatus.Printing, "job-7", new JobOutcome("job-6", JobOutcomeKind.Completed, null, At));

        var restored = record.AfterRestart(At.AddMinutes(5), autoEject, out var interrupted);

        Assert.Equal(new JobOutcome("job-7", JobOutcomeKind.Failed, JobRecord.RestartedReason, At.AddMinutes(5)), interrupted);
        Assert.Equal(new JobRecord(expected, null, interrupted), restored);
    }

    [Theory]
    [InlineData(BridgeStatus.Finished, BridgeStatus.Finished)]
    [InlineData(BridgeStatus.Error, BridgeStatus.Error)]
    [InlineData(BridgeStatus.Idle, BridgeStatus.Offline)]
    [InlineData(BridgeStatus.Offline, BridgeStatus.Offline)]
    public void Only_a_status_that_needs_a_person_survives_a_restart(BridgeStatus saved, BridgeStatus expected)
    {
        var restored = new JobRecord(saved, null, null).AfterRestart(At, autoEject: false, out var interrupted);

        Assert.Equal(expected, restored.Status);
        Assert.Null(interrupted);
    }
}
