using System.Text;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Download;
using MakerShop.FirmwareBridge.Firmware;
using MakerShop.FirmwareBridge.Jobs;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.State;
using MakerShop.FirmwareBridge.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>A firmware stuck in a blocking command: M112 that is never answered, and a cancel during M109.</summary>
public sealed class BlockedFirmwareTests
{
    private static readonly DeviceCredentials Credentials = new("printer-blocked", "secret");

    [Fact]
    public async Task An_M112_without_a_halt_line_closes_the_link_and_the_supervisor_reconnects()
    {
        var marlin = new ScriptedMarlin { SilentHalt = true };
        using var work = new TempDirectory();
        var (supervisor, state, _) = Create(marlin, work.Path);
        using var stop = new CancellationTokenSource();
        var running = supervisor.RunAsync(stop.Token);
        await Await.UntilAsync(() => supervisor.CurrentLink is not null, "the link came up");
        state.SetStatus(BridgeStatus.Error);

        await supervisor.CurrentLink!.EmergencyStopAsync().WaitAsync(Await.Timeout);

        await Await.UntilAsync(() => marlin.Opens >= 2, "the supervisor reopened the transport");
        Assert.True(marlin.IsKilled);
        Assert.Equal(BridgeStatus.Error, state.Status);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Await.Timeout));
    }

    [Fact]
    public async Task A_cancel_during_M109_sends_M108_and_then_the_cool_down()
    {
        var marlin = new ScriptedMarlin
        {
            BlockOn = "M109",
            M115Lines = ["FIRMWARE_NAME:Marlin 2.1.2 (scripted) PROTOCOL_VERSION:1.0", "Cap:AUTOREPORT_TEMP:1", "Cap:EMERGENCY_PARSER:1"],
        };
        using var work = new TempDirectory();
        await using var server = await GcodeServer.StartAsync(Credentials);
        using var http = new HttpClient();
        var (supervisor, state, options) = Create(marlin, work.Path);
        using var stop = new CancellationTokenSource();
        var running = supervisor.RunAsync(stop.Token);
        await Await.UntilAsync(() => supervisor.CurrentLink is not null, "the link came up");

        var content = Encoding.ASCII.GetBytes("G28\nM109 S200\nG1 X10 F3000\nG1 X20 F3000\n");
        var job = TestGcode.StartArguments("job-heat", server.Add("job-heat.gcode", content), content);
        Assert.True(state.TryBeginJob(job.JobId));
        var downloader = new GcodeDownloader(http, Credentials, work.Path, TimeProvider.System, NullLogger<GcodeDownloader>.Instance);
        using var runner = new PrintJobRunner(job, downloader, supervisor, state, new BridgeEvents(new MqttOutbox(options.PrinterId), TimeProvider.System), options, TimeProvider.System, NullLogger.Instance);
        var printing = runner.RunAsync(stop.Token);
        await Await.UntilAsync(() => marlin.Executed.Contains("M109 S200"), "the heat-up started");

        runner.Cancel();

        await printing.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("M108", marlin.Received);
        Assert.DoesNotContain("G1 X20 F3000", marlin.Executed);
        var executed = marlin.Executed;
        Assert.Equal(PrintJobRunner.CancelSequence, executed.Skip(executed.Count - PrintJobRunner.CancelSequence.Length));
        Assert.Equal(JobOutcomeKind.Cancelled, state.LastJob?.Outcome);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Await.Timeout));
    }

    private static (FirmwareSupervisor Supervisor, BridgeState State, BridgeOptions Options) Create(ScriptedMarlin marlin, string workDirectory)
    {
        var options = new BridgeOptions
        {
            PrinterId = Credentials.PrinterId,
            Secret = "secret",
            MqttPort = 1,
            FirmwarePort = 1,
            WorkDirectory = workDirectory,
            TelemetryInterval = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
        };
        var state = new BridgeState(false, TimeProvider.System);
        var events = new BridgeEvents(new MqttOutbox(options.PrinterId), TimeProvider.System);
        return (new FirmwareSupervisor(marlin, options, state, events, TimeProvider.System, NullLoggerFactory.Instance), state, options);
    }
}
