using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>The whole bridge: a real MQTTnet broker, a real Kestrel serving G-code and a virtual printer over TCP.</summary>
public sealed class PrinterBridgeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PrinterId = BridgeRig.PrinterId;
    private BridgeRig rig = null!;

    public async Task InitializeAsync() => rig = await BridgeRig.StartAsync(output);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task A_start_command_is_acknowledged_printed_and_its_outcome_retained()
    {
        var file = TestGcode.File("job-1 marker", moves: 200);
        var start = rig.StartCommand("cmd-1", "job-1", file);

        await rig.Shop.SendAsync(PrinterId, start);

        var ack = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-1");
        Assert.True(ack.Accepted);
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted && e.JobId == "job-1");
        var events = rig.Shop.All<PrinterEventPayload>(PrinterTopics.Events(PrinterId)).Where(e => e.JobId == "job-1").ToArray();
        Assert.Equal(PrinterEventKind.JobStarted, events[0].Kind);
        Assert.Equal(PrinterEventKind.JobCompleted, events[^1].Kind);
        Assert.Equal(
            [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
            events.Where(e => e.Kind == PrinterEventKind.JobProgress).Select(e => e.Progress!.Value));
        Assert.Equal(TestGcode.ExpectedLines(file), rig.LastConversation());

        // A shop that missed all of that learns the outcome from the retained state.
        await using var lateShop = await ShopClient.ConnectAsync(rig.Broker.Port);
        var state = await lateShop.WaitForAsync<PrinterStatePayload>(
            PrinterTopics.State(PrinterId),
            s => s.LastJob is { JobId: "job-1", Outcome: JobOutcomeKind.Completed },
            retainedOnly: true);
        Assert.Equal(BridgeStatus.Finished, state.Status);
        Assert.Null(state.JobId);
        Assert.StartsWith("Marlin 2.1.2", state.Firmware, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_command_id_is_acknowledged_again_but_not_applied_twice()
    {
        var file = TestGcode.File("job-2 marker", moves: 50);
        var start = rig.StartCommand("cmd-2", "job-2", file);
        await rig.Shop.SendAsync(PrinterId, start);
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted && e.JobId == "job-2");
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-3", "job-2", file));
        var repeatedJob = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-3");

        await rig.Shop.SendAsync(PrinterId, start);
        await Await.UntilAsync(() => rig.Shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Count(a => a.CommandId == "cmd-2") == 2, "the duplicate is acknowledged");

        var acks = rig.Shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Where(a => a.CommandId == "cmd-2").ToArray();
        Assert.All(acks, a => Assert.Equal((true, (string?)null), (a.Accepted, a.Reason)));
        Assert.Equal((true, "already-finished"), (repeatedJob.Accepted, repeatedJob.Reason));
        Assert.Single(rig.Printer.ExecutedCommands, c => c == "M117 job-2 marker");
        Assert.Single(rig.Shop.All<PrinterEventPayload>(PrinterTopics.Events(PrinterId)), e => e.Kind == PrinterEventKind.JobStarted);
    }

    [Fact]
    public async Task A_start_for_another_job_while_printing_is_rejected_as_busy()
    {
        // A thousand simulated minutes: seconds of real time, so the job is still running when the next start arrives.
        var longJob = string.Concat(Enumerable.Repeat("G4 S60\n", 1000));
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-busy-1", "job-long", longJob));
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);

        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-busy-2", "job-other", "G28\n"));
        var rejected = await rig.Shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-busy-2");
        await rig.Shop.SendAsync(PrinterId, new PrinterCommandPayload("cmd-busy-3", PrinterCommandKind.Cancel, null, "job-long", DateTimeOffset.UtcNow));
        var cancelled = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCancelled);

        Assert.Equal((false, "busy"), (rejected.Accepted, rejected.Reason));
        Assert.Equal("job-long", cancelled.JobId);
        Assert.Equal(["M104 S0", "M140 S0", "M107", "M84"], rig.LastConversation());
        Assert.True(rig.Printer.ExecutedCommands.Count(c => c == "G4 S60") < 1000);
    }

    [Fact]
    public async Task A_job_keeps_printing_while_the_broker_is_away_and_its_events_arrive_after_the_reconnect()
    {
        // About three seconds of real time, so most of the job runs after the broker has gone.
        var job = string.Concat(Enumerable.Repeat("G4 S30\n", 1000));
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-away", "job-away", job));
        await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);
        await rig.StopBrokerAsync();

        await Await.UntilAsync(() => rig.Bridge.CurrentState.LastJob?.JobId == "job-away", "the job finished without a broker");
        Assert.False(rig.Bridge.IsMqttConnected);
        Assert.Equal(BridgeStatus.Finished, rig.Bridge.Status);

        await rig.StartBrokerAgainAsync();
        await Await.UntilAsync(() => rig.Published<PrinterEventPayload>(PrinterTopics.Events(PrinterId)).Any(e => e.Kind == PrinterEventKind.JobCompleted), "the kept events were published");

        var events = rig.Published<PrinterEventPayload>(PrinterTopics.Events(PrinterId));
        Assert.Equal(PrinterEventKind.JobCompleted, events[^1].Kind);
        Assert.Contains(events, e => e.Kind == PrinterEventKind.JobProgress && e.Progress == 0.9);
        await Await.UntilAsync(
            () => rig.Published<PrinterStatePayload>(PrinterTopics.State(PrinterId)).Any(s => s.LastJob?.Outcome == JobOutcomeKind.Completed),
            "the state was republished to the new broker");
    }
}
