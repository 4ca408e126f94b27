using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Bridge;

/// <summary>Whatever ends a job on the printer's side, the shop gets a JobFailed event with the reason.</summary>
public sealed class JobFailureTests(ITestOutputHelper output)
{
    private const string PrinterId = BridgeRig.PrinterId;

    [Fact]
    public async Task A_link_drop_mid_job_fails_the_job_saying_the_connection_was_lost()
    {
        // The handshake takes four lines (M110, M115, M110, M155); the cable is pulled 60 lines into the job.
        await using var rig = await BridgeRig.StartAsync(output, new VirtualPrinterOptions { TimeScale = 10_000, DisconnectAfterLines = 64 });
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-drop", "job-drop", TestGcode.File("dropped", moves: 300)));

        var failed = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobFailed);

        Assert.Equal("job-drop", failed.JobId);
        Assert.StartsWith("the printer connection was lost at line ", failed.Reason, StringComparison.Ordinal);
        var state = await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.LastJob?.JobId == "job-drop");
        Assert.Equal(JobOutcomeKind.Failed, state.LastJob!.Outcome);
    }

    [Fact]
    public async Task A_thermal_runaway_fails_the_job_with_the_firmware_reason_and_leaves_the_printer_in_error()
    {
        await using var rig = await BridgeRig.StartAsync(output, new VirtualPrinterOptions { TimeScale = 10_000, ThermalRunawayAfterLines = 40 });
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-hot", "job-hot", TestGcode.File("runaway", moves: 300)));

        var failed = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobFailed);

        Assert.Equal(("job-hot", "Error:Thermal Runaway, system stopped! Heater_ID: 0"), (failed.JobId, failed.Reason));
        await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Error && s.LastJob?.JobId == "job-hot");
    }

    [Theory]
    [InlineData("fatal:Heater decoupled during hold - Printer stopped and heaters disabled due to this error. Fix error and restart with M999.")]
    [InlineData("Error:Printer stopped due to errors. Fix the error and use M999 to restart. (Temperature is reset. Set it after restarting)")]
    [InlineData("!! KILL caused by KILL button/pin")]
    public async Task Another_firmwares_stop_wording_fails_the_job_as_a_halt_with_its_own_words(string halt)
    {
        // No "kill() called" follows: the firmware's own stop line is all the bridge gets.
        await using var rig = await BridgeRig.StartAsync(output, new VirtualPrinterOptions { TimeScale = 10_000, ThermalRunawayAfterLines = 40, HaltMessages = [halt] });
        await rig.Shop.SendAsync(PrinterId, rig.StartCommand("cmd-stop", "job-stop", TestGcode.File("stopped", moves: 300)));

        var failed = await rig.Shop.WaitForAsync<PrinterEventPayload>(PrinterTopics.Events(PrinterId), e => e.Kind == PrinterEventKind.JobFailed);

        Assert.Equal(("job-stop", halt), (failed.JobId, failed.Reason));
        await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Error && s.LastJob?.JobId == "job-stop");
    }
}
