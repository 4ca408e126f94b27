using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class EmergencyStopTests
{
    [Fact]
    public async Task M112_halts_at_once_even_behind_a_blocking_command_and_a_full_queue()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions());
        await rig.Host.HelloAsync();
        await rig.Host.SendAsync(1, "G4 S100");
        await rig.Host.SendAsync(2, "M117 waiting");
        await rig.Host.SendAsync(3, "G1 X10");
        // The dwell holds its buffer slot while it runs, so three queued lines alone do not yet mean it has started.
        await Await.UntilAsync(
            () => rig.Printer.QueuedCommands == 3 && rig.Printer.ExecutedCommands.Contains("G4 S100"),
            "the dwell runs and blocks two more commands");

        // Time stands still, so the dwell can never end: only the emergency parser can answer.
        await rig.Host.SendAsync("M112");

        Assert.Equal("Error:Printer halted. kill() called!", await rig.Host.ReadLineAsync());
        Assert.True(rig.Printer.IsKilled);
        Assert.Equal(["M110 N0", "G4 S100", "M112"], rig.Printer.ExecutedCommands);
    }
}
