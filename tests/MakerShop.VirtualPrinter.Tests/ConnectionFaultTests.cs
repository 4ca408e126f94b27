using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class ConnectionFaultTests
{
    [Fact]
    public async Task The_connection_is_cut_after_the_configured_number_of_lines_and_a_new_one_starts_afresh()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, DisconnectAfterLines = 3 });
        await rig.Host.HelloAsync();
        await rig.Host.SendAsync(1, "M117 a");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(2, "M117 b");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        Assert.Null(await rig.Host.ReadLineAsync());
        Assert.Equal(["M110 N0", "M117 a", "M117 b"], rig.Printer.ExecutedCommands);

        await using var second = await rig.ReconnectAsync();
        await second.HelloAsync();
        await second.SendAsync(1, "M117 c");
        Assert.Equal("ok", await second.ReadLineAsync());
        Assert.Equal(["M110 N0", "M117 a", "M117 b", "M110 N0", "M117 c"], rig.Printer.ExecutedCommands);
    }

    [Fact]
    public async Task Thermal_runaway_halts_the_printer_and_it_ignores_everything_after()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, ThermalRunawayAfterLines = 2 });
        await rig.Host.HelloAsync();

        await rig.Host.SendAsync(1, "M104 S200");

        Assert.Equal(
            ["ok", "Error:Thermal Runaway, system stopped! Heater_ID: 0", "Error:Printer halted. kill() called!"],
            await rig.Host.ReadLinesAsync(3));
        Assert.True(rig.Printer.IsKilled);

        await rig.Host.SendAsync(2, "M105");
        Assert.Null(await rig.Host.TryReadLineAsync(TimeSpan.FromMilliseconds(300)));
        Assert.Equal(["M110 N0", "M104 S200"], rig.Printer.ExecutedCommands);
    }
}
