using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Streaming;

/// <summary>
/// The streaming engine against the virtual Marlin with line noise and lost oks: whatever the flow control, with or
/// without ADVANCED_OK, with or without the extra ok after a resend, the printer runs the program exactly.
/// </summary>
public sealed class FaultyLinkStreamingTests
{
    [Theory]
    [InlineData(FlowControl.PingPong, false, true)]
    [InlineData(FlowControl.PingPong, true, true)]
    [InlineData(FlowControl.Windowed, false, true)]
    [InlineData(FlowControl.Windowed, true, true)]
    [InlineData(FlowControl.Windowed, false, false)]
    [InlineData(FlowControl.Windowed, true, false)]
    public async Task A_5000_line_program_over_a_noisy_link_runs_exactly_once_each_in_order(FlowControl flowControl, bool advancedOk, bool okAfterResend)
    {
        var printer = new VirtualPrinterOptions
        {
            TimeScale = 100_000,
            CorruptLineShare = 0.02,
            DropOkShare = 0.01,
            AdvancedOk = advancedOk,
            OkAfterResend = okAfterResend,
            FaultSeed = 4242,
        };

        // A short ok timeout keeps the lost-ok recoveries quick; nothing in this program blocks for long.
        var link = new GcodeLinkOptions { FlowControl = flowControl, WindowSize = 4, OkTimeout = TimeSpan.FromMilliseconds(150) };
        await using var linked = await LinkedPrinter.StartAsync(printer, link);
        var moves = Enumerable.Range(1, 5000).Select(i => FormattableString.Invariant($"G1 X{i % 200}.{i % 7} Y{i % 150} F9000")).ToArray();
        using var work = new TempDirectory();
        var path = Path.Combine(work.Path, "noisy.gcode");
        await File.WriteAllLinesAsync(path, ["; generated", .. moves]);

        var running = linked.Link.RunFileAsync(path);
        if (await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(90))) != running)
        {
            Assert.Fail("the run did not finish; the wire ends with:\n" + linked.Wire.Tail);
        }

        var result = await running;

        Assert.True(result.Outcome == PrintOutcome.Completed, result.Reason + "\n" + linked.Wire.Tail);
        Assert.True(result.Resends > 0, "the noise drew resends");
        var executed = linked.Printer.ExecutedCommands.Where(c => c != "M105").ToArray();
        Assert.Equal(["M110 N0", .. moves], executed);
        Assert.Equal(5000, result.LinesAcknowledged);
    }
}
