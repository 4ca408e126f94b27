using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;

namespace MakerShop.FirmwareBridge.Tests.Gcode;

public sealed class GcodeLinkTests
{
    [Fact]
    public async Task A_program_arrives_at_the_printer_complete_and_in_order()
    {
        await using var linked = await LinkedPrinter.StartAsync();
        var file = TestGcode.File("streamed", moves: 300);
        var program = GcodeProgram.FromLines(file.Split('\n'));
        var progress = new List<PrintProgress>();

        var result = await linked.Link.RunProgramAsync(program, new PrintControl(), progress.Add).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. TestGcode.ExpectedLines(file)], linked.Printer.ExecutedCommands);
        Assert.Equal(program.Lines.Count, progress[^1].LinesAcknowledged);
        Assert.Equal(1.0, progress[^1].Fraction);
        Assert.True(linked.Printer.SimulatedPrintTime > TimeSpan.FromSeconds(60), "heating, homing and moves take simulated time");
    }

    [Fact]
    public async Task A_line_with_a_bad_checksum_is_resent_and_arrives_exactly_once()
    {
        await using var linked = await LinkedPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, CorruptLineOnce = 20 });
        var file = TestGcode.File("resent", moves: 60);
        var program = GcodeProgram.FromLines(file.Split('\n'));

        var result = await linked.Link.RunProgramAsync(program, new PrintControl()).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. TestGcode.ExpectedLines(file)], linked.Printer.ExecutedCommands);
    }

    [Fact]
    public async Task Emergency_stop_kills_the_printer_and_fails_the_program_with_the_firmware_reason()
    {
        await using var linked = await LinkedPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 1 });

        // At real time the M109 heat-up takes a minute, so M112 has to cut into a blocked queue.
        var program = GcodeProgram.FromLines(["M109 S220", "G28", "G1 X10"]);
        var running = linked.Link.RunProgramAsync(program, new PrintControl());
        await Await.UntilAsync(() => linked.Printer.ExecutedCommands.Contains("M109 S220"), "the heat-up has begun");

        await linked.Link.EmergencyStopAsync().WaitAsync(Await.Timeout);
        var result = await running.WaitAsync(Await.Timeout);

        Assert.True(linked.Printer.IsKilled);
        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.True(result.FirmwareHalted);
        Assert.Contains("kill() called", result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("G28", linked.Printer.ExecutedCommands);
        Assert.Equal("Error:Printer halted. kill() called!", linked.Link.HaltReason);
    }

    [Fact]
    public async Task A_paused_program_sends_nothing_more_until_resumed()
    {
        await using var linked = await LinkedPrinter.StartAsync();
        var program = GcodeProgram.FromLines(Enumerable.Range(1, 200).Select(i => $"G1 X{i % 50} F6000"));
        var control = new PrintControl();
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = linked.Link.RunProgramAsync(
            program,
            control,
            p =>
            {
                if (p.LinesAcknowledged == 50)
                {
                    control.Pause();
                    paused.TrySetResult();
                }
            });
        await paused.Task.WaitAsync(Await.Timeout);
        var whilePaused = linked.Printer.ExecutedCommands.Count;

        Assert.Equal(51, whilePaused);
        control.Resume();
        var result = await running.WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(201, linked.Printer.ExecutedCommands.Count);
    }

    [Fact]
    public async Task A_cancelled_program_stops_between_lines()
    {
        await using var linked = await LinkedPrinter.StartAsync();
        var program = GcodeProgram.FromLines(Enumerable.Range(1, 200).Select(i => $"G1 X{i % 50} F6000"));
        var control = new PrintControl();

        var result = await linked.Link.RunProgramAsync(program, control, p =>
        {
            if (p.LinesAcknowledged == 10)
            {
                control.Cancel();
            }
        }).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Cancelled, result.Outcome);
        Assert.Equal(11, linked.Printer.ExecutedCommands.Count);
    }
}
