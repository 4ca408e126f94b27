using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Tests.Support;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>A bridge process that restarts (a new <see cref="PrinterBridge"/> on the same work directory) forgets nothing the shop relies on.</summary>
public sealed class BridgeRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PrinterId = BridgeRig.PrinterId;
    private BridgeRig rig = null!;

    public async Task InitializeAsync() => rig = await BridgeRig.StartAsync(output);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task A_restarted_bridge_retains_its_finished_job_and_never_applies_its_commands_again()
    {
        var file = TestGcode.File("job-r1 marker", moves: 50);
        var start = rig.StartCommand("cmd-r1", "job-r1", file);
        await rig.Shop.SendAsync(PrinterId, start);
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted && e.JobId == "job-r1");
        var movesPrinted = rig.Printer.ExecutedCommands.Count(c => c.StartsWith("G1 ", StringComparison.Ordinal));
        await rig.StopBridgeAsync();
        var before = rig.Broker.Published.Count;

        await rig.StartNewBridgeAsync();

        await Await.UntilAsync(() => rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId), before).Length > 0, "the restarted bridge published its state");
        var first = rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId), before)[0];
        Assert.Equal(new JobOutcome("job-r1", JobOutcomeKind.Completed, null, first.LastJob!.At), first.LastJob);
        Assert.Equal(BridgeStatus.Finished, first.Status);
        Assert.True(rig.Broker.Published.Skip(before).First(m => m.Topic == PrinterTopics.State(PrinterId)).Retain);

        await rig.Shop.SendAsync(PrinterId, start);
        await Await.UntilAsync(() => AcksFor("cmd-r1").Length == 2, "the re-sent start is acknowledged again");
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-r2", "job-r1", file));
        var sameJob = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-r2");

        Assert.All(AcksFor("cmd-r1"), a => Assert.Equal((true, (string?)null), (a.Accepted, a.Reason)));
        Assert.Equal((true, "already-finished"), (sameJob.Accepted, sameJob.Reason));
        Assert.Single(rig.Printer.ExecutedCommands, c => c == "M117 job-r1 marker");
        Assert.Equal(movesPrinted, rig.Printer.ExecutedCommands.Count(c => c.StartsWith("G1 ", StringComparison.Ordinal)));
        Assert.Single(rig.Shop.All<PrinterEventPayload>(PrinterTopics.Events(PrinterId)), e => e.Kind == PrinterEventKind.JobStarted);
    }

    [Fact]
    public async Task A_job_outcome_produced_while_the_broker_was_away_survives_a_bridge_restart()
    {
        // About three seconds of real time, so the job ends after the broker has gone.
        var job = string.Concat(Enumerable.Repeat("G4 S30\n", 1000));
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-away", "job-away", job));
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);
        await rig.StopBrokerAsync();
        await Await.UntilAsync(() => rig.Bridge.CurrentState.LastJob?.JobId == "job-away", "the job finished without a broker");
        Assert.True(rig.Bridge.PendingMessages > 0);

        await rig.RestartBridgeAsync();
        await rig.StartBrokerAgainAsync();

        var completed = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted);
        Assert.Equal("job-away", completed.JobId);
        var state = await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.LastJob is not null);
        Assert.Equal(("job-away", JobOutcomeKind.Completed), (state.LastJob!.JobId, state.LastJob.Outcome));
        await Await.UntilAsync(() => rig.Bridge.PendingMessages == 0, "the outbox drained");
    }

    [Fact]
    public async Task A_job_cut_off_by_a_bridge_restart_is_reported_failed_and_the_bed_left_for_a_person()
    {
        var longJob = string.Concat(Enumerable.Repeat("G4 S60\n", 1000));
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-cut", "job-cut", longJob));
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);

        await rig.RestartBridgeAsync();

        var failed = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobFailed);
        var state = await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.LastJob is not null);
        Assert.Equal(("job-cut", JobRecord.RestartedReason), (failed.JobId, failed.Reason));
        Assert.Equal(("job-cut", JobOutcomeKind.Failed, BridgeStatus.Finished), (state.LastJob!.JobId, state.LastJob.Outcome, state.Status));
    }

    [Fact]
    public async Task An_unreadable_journal_is_ignored_and_the_bridge_starts_fresh()
    {
        await rig.StopBridgeAsync();
        await File.WriteAllTextAsync(Path.Combine(rig.WorkDirectory, "bridge-state.json"), "{ \"job\": { \"status\": \"fini");
        var before = rig.Broker.Published.Count;

        await rig.StartNewBridgeAsync();

        await Await.UntilAsync(
            () => rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId), before).Any(s => s.Status == BridgeStatus.Idle),
            "the bridge came up idle");
        Assert.Null(rig.Bridge.CurrentState.LastJob);
    }

    [Fact]
    public async Task The_retained_state_carries_the_auto_eject_option_online_and_offline()
    {
        await rig.StopBridgeAsync();
        var before = rig.Broker.Published.Count;

        await rig.StartNewBridgeAsync(autoEject: true);
        await Await.UntilAsync(
            () => rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId), before).Any(s => s.Status == BridgeStatus.Idle),
            "the bridge came up idle");
        await rig.StopBridgeAsync();

        var states = rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId), before);
        Assert.All(states, s => Assert.True(s.AutoEject));
        Assert.Equal(BridgeStatus.Offline, states[^1].Status);
    }

    private CommandAckPayload[] AcksFor(string commandId) =>
        rig.Shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Where(a => a.CommandId == commandId).ToArray();
}
