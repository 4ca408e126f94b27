using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class ArcTimingTests
{
    [Fact]
    public async Task Arcs_take_as_long_as_their_length_not_their_chord()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });
        await rig.Host.HelloAsync();
        string[] program =
        [
            "G2 X5 Y5 I5 J0 F600", // clockwise quarter of r=5 around (5,0): 2.5π mm
            "G2 X0 Y0 I0 J-5", // clockwise from north to west around (5,0): three quarters, 7.5π mm
            "G3 X10 Y0 R5", // half circle on a 10 mm chord: 5π mm
            "G2 X10 Y0 I-5 J0", // ends where it starts: a full circle, 10π mm
            "M400",
        ];

        for (var i = 0; i < program.Length; i++)
        {
            await rig.Host.SendAsync(i + 1, program[i]);
            Assert.Equal("ok", await rig.Host.ReadLineAsync());
        }

        // 25π mm at 10 mm/s; the chords alone would be about 24 mm, 2.4 s.
        Assert.Equal(2.5 * Math.PI, rig.Printer.SimulatedPrintTime.TotalSeconds, 3);
    }

    [Fact]
    public async Task A_negative_radius_takes_the_long_way_round()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });
        await rig.Host.HelloAsync();

        // From (0,0) to (5,5) with |R| = 5: a quarter circle the short way, three quarters the long way.
        await rig.Host.SendAsync(1, "G3 X5 Y5 R-5 F600");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(2, "M400");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        Assert.Equal(0.75 * Math.PI, rig.Printer.SimulatedPrintTime.TotalSeconds, 3);
    }
}
