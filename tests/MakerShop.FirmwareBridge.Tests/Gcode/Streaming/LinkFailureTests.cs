using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Streaming;

/// <summary>How a run ends when the printer halts, resets, goes away, or is stopped with M112.</summary>
public sealed class LinkFailureTests
{
    [Fact]
    public async Task A_thermal_runaway_fails_the_run_with_the_firmware_reason()
    {
        await using var linked = await LinkedPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 100_000, ThermalRunawayAfterLines = 40 });

        var result = await linked.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(200))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.True(result.FirmwareHalted);
        Assert.Equal("Error:Thermal Runaway, system stopped! Heater_ID: 0", result.Reason);
        Assert.True(linked.Printer.ExecutedCommands.Count < 60);
    }

    [Theory]
    [InlineData("Error:MAXTEMP triggered, system stopped! Heater_ID: bed")]
    [InlineData("Error:MINTEMP triggered, system stopped! Heater_ID: 0")]
    [InlineData("Error:Heating failed, system stopped! Heater_ID: 0")]
    [InlineData("Error:Printer halted. kill() called!")]
    [InlineData("!! Shutdown due to M112 command")]
    public async Task A_fatal_firmware_error_fails_the_run_with_its_words(string fatal)
    {
        var marlin = new ScriptedMarlin();
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 20)
            {
                marlin.Emit(fatal);
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = FlowControl.Windowed });

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(100))).WaitAsync(Await.Timeout);

        Assert.Equal((PrintOutcome.Failed, fatal, true), (result.Outcome, result.Reason, result.FirmwareHalted));
    }

    [Theory]
    [InlineData("Error:volume.init failed")]
    [InlineData("Error: Unknown command: \"G999\"")]
    [InlineData("echo:Unknown command: \"G999\"")]
    [InlineData("!! Move out of range: 300.000 0.000 0.200 [0.000]")]
    public async Task A_non_fatal_error_does_not_stop_the_run(string error)
    {
        var marlin = new ScriptedMarlin();
        var errors = new List<string>();
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 20)
            {
                marlin.Emit(error);
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        scripted.Link.FirmwareErrorReported += errors.Add;
        var moves = ScriptedLink.Moves(50);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
    }

    [Fact]
    public async Task A_start_in_the_middle_of_a_run_fails_it_because_the_firmware_reset()
    {
        var marlin = new ScriptedMarlin();
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 30)
            {
                marlin.Emit("start");
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(100))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.StartsWith("the firmware reset", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FlowControl.PingPong)]
    [InlineData(FlowControl.Windowed)]
    public async Task A_dropped_connection_fails_the_run_saying_where(FlowControl flowControl)
    {
        await using var linked = await LinkedPrinter.StartAsync(
            new VirtualPrinterOptions { TimeScale = 100_000, DisconnectAfterLines = 120 },
            new GcodeLinkOptions { FlowControl = flowControl });

        var result = await linked.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(500))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.Matches(@"^the printer connection was lost at line \d+", result.Reason);
        Assert.InRange(result.LinesAcknowledged, 100, 125);
    }

    [Fact]
    public async Task Emergency_stop_bypasses_a_full_window_and_nothing_follows_it()
    {
        var marlin = new ScriptedMarlin { Stall = true };
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = FlowControl.Windowed, WindowSize = 4, OkTimeout = TimeSpan.FromSeconds(30) });
        var running = scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(100)));
        await Await.UntilAsync(() => marlin.Received.Count == 4, "the window is full");

        await scripted.Link.EmergencyStopAsync().WaitAsync(Await.Timeout);
        var result = await running.WaitAsync(Await.Timeout);
        marlin.Release();

        Assert.Equal("M112", marlin.Received[4]);
        Assert.Equal(5, marlin.Received.Count);
        Assert.Equal((PrintOutcome.Failed, true), (result.Outcome, result.FirmwareHalted));
        Assert.Contains("kill() called", result.Reason, StringComparison.Ordinal);
        var afterwards = await scripted.Link.SendCommandsAsync(["G28"]).WaitAsync(Await.Timeout);
        Assert.Equal(PrintOutcome.Failed, afterwards.Outcome);
        Assert.Equal(5, marlin.Received.Count);
    }

    [Fact]
    public async Task Silence_is_probed_with_M105_and_a_printer_that_never_answers_fails_the_run()
    {
        var marlin = new ScriptedMarlin { Stall = true };
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { OkTimeout = TimeSpan.FromMilliseconds(100) });

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(5))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.StartsWith("the printer stopped answering", result.Reason, StringComparison.Ordinal);
        Assert.Contains(marlin.Received, line => line.Contains(" M105*", StringComparison.Ordinal));
    }
}
