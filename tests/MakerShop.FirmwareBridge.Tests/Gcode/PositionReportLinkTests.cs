using System.Collections.Concurrent;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Gcode.Replies;
using MakerShop.FirmwareBridge.Tests.Support;
using MakerShop.VirtualPrinter;

namespace MakerShop.FirmwareBridge.Tests.Gcode;

/// <summary>
/// A program with M114 in it, run on a virtual delta (or CoreXY) printer whose M114 names its motors A B C: the position
/// reaches the link's position event, and the motor counts never reach the heaters as a bed reading.
/// </summary>
public sealed class PositionReportLinkTests
{
    [Theory]
    [InlineData("ABC")]
    [InlineData("XYZ")]
    public async Task An_M114_answer_is_reported_as_a_position_and_never_as_a_bed_temperature(string countAxes)
    {
        await using var linked = await LinkedPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, CountAxes = countAxes });
        var beds = new ConcurrentQueue<double>();
        var positions = new ConcurrentQueue<PositionReport>();
        linked.Link.TemperaturesReported += heaters =>
        {
            foreach (var bed in heaters.Where(h => h.Name == "bed"))
            {
                beds.Enqueue(bed.Actual);
            }
        };
        linked.Link.PositionReported += positions.Enqueue;

        var result = await linked.Link.SendCommandsAsync(["G28", "G1 X10 Y20 Z0.3 F3000", "M114", "M105"]).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        var position = Assert.Single(positions);
        Assert.Equal((10.0, 20.0, 0.3), (position.X, position.Y, position.Z));
        Assert.Equal(1600, position.MotorCounts[countAxes[1].ToString()]);
        Assert.NotEmpty(beds);
        Assert.All(beds, bed => Assert.InRange(bed, 0, 100));
    }
}
