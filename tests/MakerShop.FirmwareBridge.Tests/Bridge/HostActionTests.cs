using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>"//action:pause", "resume" and "cancel" from the firmware act on the running job like the shop's commands.</summary>
public sealed class HostActionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PrinterId = BridgeRig.PrinterId;
    private BridgeRig rig = null!;

    public async Task InitializeAsync() => rig = await BridgeRig.StartAsync(output);

    public async Task DisposeAsync() => await rig.DisposeAsync();

    [Fact]
    public async Task The_firmware_pauses_resumes_and_then_cancels_the_job()
    {
        var marlin = new ScriptedMarlin();
        var moves = 0;
        marlin.AfterExecute = (_, command) =>
        {
            if (!command.StartsWith("G1 ", StringComparison.Ordinal))
            {
                return;
            }

            moves++;
            if (moves == 20)
            {
                // Hold the oks until the pause has landed, so the job cannot outrun it.
                marlin.Stall = true;
                marlin.Emit("//action:pause");
            }
            else if (moves == 60)
            {
                // Hold the job open again so that the cancel lands while it is still printing.
                marlin.Stall = true;
            }
        };
        await rig.RestartBridgeAsync(transport: marlin);
        await Await.UntilAsync(() => rig.Bridge.Status == BridgeStatus.Idle, "the bridge is idle");

        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-act", "job-act", TestGcode.File("action marker", moves: 400)));
        await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Paused);
        marlin.Release();
        marlin.Emit("//action:resume");
        await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Printing);
        await Await.UntilAsync(() => moves >= 60, "printing went on after the resume");
        marlin.Emit("//action:cancel");
        marlin.Release();

        var cancelled = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobCancelled);
        Assert.Equal("job-act", cancelled.JobId);
        var executed = marlin.Executed.ToList();
        Assert.Equal(["M104 S0", "M140 S0", "M107", "M84"], executed.Skip(executed.LastIndexOf("M110 N0") + 1));
        Assert.True(executed.Count(c => c.StartsWith("G1 ", StringComparison.Ordinal)) < 400, "the job stopped early");
    }
}
