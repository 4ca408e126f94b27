using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>The whole bridge: a real MQTTnet broker, a real Kestrel serving G-code and a virtual printer over TCP.</summary>
public sealed class PrinterBridgeTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string PrinterId = "printer-42";
    private const string Secret = "bridge-secret";
    private readonly TempDirectory work = new();
    private readonly HttpClient http = new();
    private readonly ILoggerFactory loggers = TestOutputLoggerProvider.CreateFactory(output);
    private InProcessBroker broker = null!;
    private GcodeServer gcode = null!;
    private VirtualMarlinPrinter printer = null!;
    private PrinterBridge bridge = null!;
    private ShopClient shop = null!;

    public async Task InitializeAsync()
    {
        broker = await InProcessBroker.StartAsync();
        gcode = await GcodeServer.StartAsync(new(PrinterId, Secret));
        printer = new VirtualMarlinPrinter(new VirtualPrinterOptions { TimeScale = 10_000 }, TimeProvider.System, loggers.CreateLogger<VirtualMarlinPrinter>());
        await printer.StartAsync().WaitAsync(Await.Timeout);
        shop = await ShopClient.ConnectAsync(broker.Port);
        bridge = new PrinterBridge(
            new BridgeOptions
            {
                PrinterId = PrinterId,
                Secret = Secret,
                MqttPort = broker.Port,
                FirmwarePort = printer.Port,
                WorkDirectory = work.Path,
                TelemetryInterval = TimeSpan.FromSeconds(1),
                ReconnectDelay = TimeSpan.FromMilliseconds(100),
            },
            http,
            TimeProvider.System,
            loggers);
        await bridge.StartAsync().WaitAsync(Await.Timeout);
        await shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Idle);
    }

    public async Task DisposeAsync()
    {
        await bridge.DisposeAsync();
        await shop.DisposeAsync();
        await printer.DisposeAsync();
        await gcode.DisposeAsync();
        await broker.DisposeAsync();
    }

    public void Dispose()
    {
        http.Dispose();
        loggers.Dispose();
        work.Dispose();
    }

    [Fact]
    public async Task A_start_command_is_acknowledged_printed_and_its_outcome_retained()
    {
        var file = TestGcode.File("job-1 marker", moves: 200);
        var start = StartCommand("cmd-1", "job-1", file);

        await shop.SendAsync(PrinterId, start);

        var ack = await shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-1");
        Assert.True(ack.Accepted);
        await shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted && e.JobId == "job-1");
        var events = shop.All<PrinterEventPayload>(PrinterTopics.Events(PrinterId)).Where(e => e.JobId == "job-1").ToArray();
        Assert.Equal(PrinterEventKind.JobStarted, events[0].Kind);
        Assert.Equal(PrinterEventKind.JobCompleted, events[^1].Kind);
        Assert.Equal(
            [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
            events.Where(e => e.Kind == PrinterEventKind.JobProgress).Select(e => e.Progress!.Value));
        Assert.Equal(TestGcode.ExpectedLines(file), LastConversation());

        // A shop that missed all of that learns the outcome from the retained state.
        await using var lateShop = await ShopClient.ConnectAsync(broker.Port);
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
        var start = StartCommand("cmd-2", "job-2", file);
        await shop.SendAsync(PrinterId, start);
        await shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCompleted && e.JobId == "job-2");
        await shop.SendAsync(PrinterId, StartCommand("cmd-3", "job-2", file));
        var repeatedJob = await shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-3");

        await shop.SendAsync(PrinterId, start);
        await Await.UntilAsync(() => shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Count(a => a.CommandId == "cmd-2") == 2, "the duplicate is acknowledged");

        var acks = shop.All<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId)).Where(a => a.CommandId == "cmd-2").ToArray();
        Assert.All(acks, a => Assert.Equal((true, (string?)null), (a.Accepted, a.Reason)));
        Assert.Equal((true, "already-finished"), (repeatedJob.Accepted, repeatedJob.Reason));
        Assert.Single(printer.ExecutedCommands, c => c == "M117 job-2 marker");
        Assert.Single(shop.All<PrinterEventPayload>(PrinterTopics.Events(PrinterId)), e => e.Kind == PrinterEventKind.JobStarted);
    }

    [Fact]
    public async Task A_start_for_another_job_while_printing_is_rejected_as_busy()
    {
        // A thousand simulated minutes: seconds of real time, so the job is still running when the next start arrives.
        var longJob = string.Concat(Enumerable.Repeat("G4 S60\n", 1000));
        await shop.SendAsync(PrinterId, StartCommand("cmd-busy-1", "job-long", longJob));
        await shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);

        await shop.SendAsync(PrinterId, StartCommand("cmd-busy-2", "job-other", "G28\n"));
        var rejected = await shop.WaitForAsync<CommandAckPayload>(PrinterTopics.CommandAcks(PrinterId), a => a.CommandId == "cmd-busy-2");
        await shop.SendAsync(PrinterId, new PrinterCommandPayload("cmd-busy-3", PrinterCommandKind.Cancel, null, "job-long", DateTimeOffset.UtcNow));
        var cancelled = await shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCancelled);

        Assert.Equal((false, "busy"), (rejected.Accepted, rejected.Reason));
        Assert.Equal("job-long", cancelled.JobId);
        Assert.Equal(["M104 S0", "M140 S0"], LastConversation());
        Assert.True(printer.ExecutedCommands.Count(c => c == "G4 S60") < 1000);
    }

    [Fact]
    public async Task A_job_keeps_printing_while_the_broker_is_away_and_its_events_arrive_after_the_reconnect()
    {
        // About three seconds of real time, so most of the job runs after the broker has gone.
        var job = string.Concat(Enumerable.Repeat("G4 S30\n", 1000));
        await shop.SendAsync(PrinterId, StartCommand("cmd-away", "job-away", job));
        await shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobStarted);
        var port = broker.Port;
        await shop.DisposeAsync();
        await broker.DisposeAsync();

        await Await.UntilAsync(() => bridge.CurrentState.LastJob?.JobId == "job-away", "the job finished without a broker");
        Assert.False(bridge.IsMqttConnected);
        Assert.Equal(BridgeStatus.Finished, bridge.Status);

        broker = await InProcessBroker.StartAsync(port);
        shop = await ShopClient.ConnectAsync(broker.Port);
        await Await.UntilAsync(() => Published<PrinterEventPayload>(PrinterTopics.Events(PrinterId)).Any(e => e.Kind == PrinterEventKind.JobCompleted), "the kept events were published");

        var events = Published<PrinterEventPayload>(PrinterTopics.Events(PrinterId));
        Assert.Equal(PrinterEventKind.JobCompleted, events[^1].Kind);
        Assert.Contains(events, e => e.Kind == PrinterEventKind.JobProgress && e.Progress == 0.9);
        await Await.UntilAsync(
            () => Published<PrinterStatePayload>(PrinterTopics.State(PrinterId)).Any(s => s.LastJob?.Outcome == JobOutcomeKind.Completed),
            "the state was republished to the new broker");
    }

    private T[] Published<T>(string topic)
        where T : class, IVersionedPayload =>
        broker.Published.Where(m => m.Topic == topic).Select(m => ContractJson.TryDeserialize<T>(m.Payload)).OfType<T>().ToArray();

    /// <summary>Every conversation (handshake, job, cool-down) starts with M110 N0.</summary>
    private IEnumerable<string> LastConversation()
    {
        var executed = printer.ExecutedCommands.ToList();
        return executed.Skip(executed.LastIndexOf("M110 N0") + 1);
    }

    private PrinterCommandPayload StartCommand(string commandId, string jobId, string file)
    {
        var content = Encoding.ASCII.GetBytes(file);
        var url = gcode.Add(jobId + ".gcode", content);
        return new PrinterCommandPayload(commandId, PrinterCommandKind.Start, TestGcode.StartArguments(jobId, url, content), jobId, DateTimeOffset.UtcNow);
    }
}
