using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class KeepAliveTests
{
    private const string Busy = "echo:busy: processing";

    // Heat-ups and dwells last many seconds; whole-second steps keep the test quick.
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_heat_up_reports_temperatures_every_second_and_busy_every_two()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions());
        await rig.Host.SendAsync("M109 S60");

        var lines = await rig.AdvanceUntilAsync(line => line == "ok", Second);

        // 39 degrees at 3 degrees a second is 13 simulated seconds.
        Assert.InRange(lines.Count(line => line.StartsWith(" T:", StringComparison.Ordinal) && line.EndsWith(" W:?", StringComparison.Ordinal)), 12, 14);
        Assert.InRange(lines.Count(line => line == Busy), 6, 7);
        Assert.InRange(rig.Printer.SimulatedPrintTime, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(14));
    }

    [Fact]
    public async Task Without_busy_while_heating_a_heat_up_or_dwell_prints_no_busy_lines()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions { BusyWhileHeating = false });
        await rig.Host.SendAsync("M109 S60");
        await rig.Host.SendAsync("G4 S10");

        var lines = await rig.AdvanceUntilAsync(line => line == "ok", Second);
        lines.AddRange(await rig.AdvanceUntilAsync(line => line == "ok", Second));

        Assert.Contains(lines, line => line.StartsWith(" T:", StringComparison.Ordinal));
        Assert.DoesNotContain(Busy, lines);
        Assert.True(rig.Elapsed >= TimeSpan.FromSeconds(23), "the heat-up and the dwell both took simulated time");
    }

    [Fact]
    public async Task An_idle_printer_says_wait_every_second_when_asked_to()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions { SendWaitWhenIdle = true });

        Assert.Equal("wait", await rig.AdvanceUntilReplyAsync());
        Assert.True(rig.Elapsed >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task M155_reports_temperatures_without_ok_on_its_own()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions());
        await rig.Host.SendAsync("M155 S2");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        var report = await rig.AdvanceUntilReplyAsync();

        Assert.StartsWith(" T:21.0 /0.0 B:21.0 /0.0", report, StringComparison.Ordinal);
        Assert.True(rig.Elapsed >= TimeSpan.FromSeconds(2));
    }
}
