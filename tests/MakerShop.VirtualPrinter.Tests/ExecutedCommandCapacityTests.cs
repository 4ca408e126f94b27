using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

/// <summary>A printer that runs for days (the demo fleet inside the host) must not keep every line it ever executed.</summary>
public sealed class ExecutedCommandCapacityTests
{
    [Fact]
    public async Task The_executed_command_log_keeps_only_the_newest_commands_up_to_its_capacity()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, ExecutedCommandCapacity = 3 });

        foreach (var command in new[] { "M27", "M73 P10", "M73 P20", "M73 P30", "M73 P40" })
        {
            await rig.Host.SendAsync(command);
            await rig.Host.ReadUntilAsync(line => line == "ok");
        }

        Assert.Equal(["M73 P20", "M73 P30", "M73 P40"], rig.Printer.ExecutedCommands);
    }

    [Fact]
    public async Task A_capacity_of_zero_keeps_no_command_and_the_printer_still_answers()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, ExecutedCommandCapacity = 0 });

        await rig.Host.SendAsync("M27");
        Assert.Equal(["Not SD printing", "ok"], await rig.Host.ReadUntilAsync(line => line == "ok"));

        Assert.Empty(rig.Printer.ExecutedCommands);
    }
}
