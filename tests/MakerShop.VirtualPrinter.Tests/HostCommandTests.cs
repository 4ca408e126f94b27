using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class HostCommandTests
{
    [Fact]
    public async Task M27_says_it_is_not_SD_printing_and_M73_progress_is_accepted()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });

        await rig.Host.SendAsync("M27");
        Assert.Equal(["Not SD printing", "ok"], await rig.Host.ReadUntilAsync(line => line == "ok"));
        await rig.Host.SendAsync("M73 P25 R43");
        Assert.Equal(["ok"], await rig.Host.ReadUntilAsync(line => line == "ok"));
    }

    [Fact]
    public async Task A_reconnect_resets_the_printer_which_says_start_again()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });
        await rig.Host.HelloAsync();

        // ConnectAsync itself insists the first line is "start".
        await using var second = await rig.ReconnectAsync();
        await second.HelloAsync();

        Assert.Equal(["M110 N0", "M110 N0"], rig.Printer.ExecutedCommands);
    }
}
