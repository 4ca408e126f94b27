using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class AdvancedOkTests
{
    [Fact]
    public async Task Each_ok_carries_its_line_number_and_the_free_planner_blocks_and_command_slots()
    {
        var options = new VirtualPrinterOptions { AdvancedOk = true, PlannerBufferSize = 2, CommandBufferSize = 4 };
        await using var rig = await TestPrinter.StartFrozenAsync(options);

        await rig.Host.SendAsync(0, "M110 N0");
        Assert.Equal("ok N0 P2 B4", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(1, "G1 X10 F600");
        Assert.Equal("ok N1 P1 B4", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(2, "G1 X20");
        Assert.Equal("ok N2 P0 B4", await rig.Host.ReadLineAsync());

        // The third move waits for a block with two commands queued behind it.
        await rig.Host.SendAsync(3, "G1 X30");
        await rig.Host.SendAsync(4, "M117 a");
        await rig.Host.SendAsync(5, "M117 b");
        await Await.UntilAsync(() => rig.Printer.QueuedCommands == 3, "three commands are buffered");

        Assert.Equal("ok N3 P0 B2", await rig.AdvanceUntilReplyAsync());
        Assert.Equal("ok N4 P0 B3", await rig.Host.ReadLineAsync());
        Assert.Equal("ok N5 P0 B4", await rig.Host.ReadLineAsync());

        // Without a line number there is no N.
        await rig.Host.SendAsync("M400");
        Assert.Equal("ok P2 B4", await rig.AdvanceUntilReplyAsync());
    }

    [Fact]
    public async Task M115_announces_advanced_ok_only_when_it_is_on()
    {
        await using var on = await TestPrinter.StartAsync(new VirtualPrinterOptions { AdvancedOk = true, TimeScale = 10_000 });
        await on.Host.SendAsync("M115");
        var onLines = await on.Host.ReadUntilAsync(line => line.StartsWith("ok", StringComparison.Ordinal));

        await using var off = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });
        await off.Host.SendAsync("M115");
        var offLines = await off.Host.ReadUntilAsync(line => line.StartsWith("ok", StringComparison.Ordinal));

        Assert.StartsWith("FIRMWARE_NAME:Marlin", onLines[0], StringComparison.Ordinal);
        Assert.Contains("Cap:ADVANCED_OK:1", onLines);
        Assert.Contains("Cap:ARCS:1", onLines);
        Assert.Contains("Cap:EMERGENCY_PARSER:1", onLines);
        Assert.Contains("Cap:ADVANCED_OK:0", offLines);
        Assert.Equal("ok", offLines[^1]);
    }
}
