using System.Globalization;
using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class DroppedOkTests
{
    [Fact]
    public async Task A_share_of_oks_never_arrives_though_every_command_still_runs()
    {
        var first = await RunAsync(seed: 3);
        var again = await RunAsync(seed: 3);

        Assert.NotEmpty(first.Missing);
        Assert.Equal(first.Missing.Count, first.OksDropped);
        Assert.Equal(22, first.Executed);
        Assert.Equal(first.Missing, again.Missing);
    }

    private static async Task<(List<long> Missing, int OksDropped, int Executed)> RunAsync(int seed)
    {
        var options = new VirtualPrinterOptions { TimeScale = 10_000, DropOkShare = 0.4, FaultSeed = seed, AdvancedOk = true };
        await using var rig = await TestPrinter.StartAsync(options);
        await rig.Host.HelloAsync();
        for (var i = 1; i <= 20; i++)
        {
            await rig.Host.SendAsync(i, $"M117 drop {i}");
            await Await.UntilAsync(() => rig.Printer.ExecutedCommands.Count == i + 1, $"line {i} has run");
        }

        // M110 is never faulted, so its ok marks the end of the replies.
        await rig.Host.SendAsync(21, "M110 N21");
        var replies = await rig.Host.ReadUntilAsync(line => line.StartsWith("ok N21 ", StringComparison.Ordinal));
        var acknowledged = replies.Select(line => long.Parse(line.Split(' ')[1][1..], CultureInfo.InvariantCulture)).ToHashSet();
        var missing = Enumerable.Range(1, 20).Select(i => (long)i).Where(i => !acknowledged.Contains(i)).ToList();
        return (missing, rig.Printer.OksDropped, rig.Printer.ExecutedCommands.Count);
    }
}
