using System.Globalization;
using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

public sealed class ResendTests
{
    private static readonly string[] Commands = [.. Enumerable.Range(1, 60).Select(i => $"M117 line {i}")];

    [Fact]
    public async Task A_share_of_lines_is_answered_as_corrupt_and_each_resent_line_runs_exactly_once()
    {
        var options = new VirtualPrinterOptions { TimeScale = 10_000, CorruptLineShare = 0.25, FaultSeed = 42 };
        await using var rig = await TestPrinter.StartAsync(options);
        await rig.Host.HelloAsync();

        var resent = await SendAllResendingAsync(rig.Host, Commands);

        Assert.InRange(resent.Count, 5, 30);
        Assert.Equal(resent.Count, rig.Printer.LinesCorrupted);
        Assert.Equal(resent.Count, rig.Printer.ResendRequests);
        Assert.Equal(["M110 N0", .. Commands], rig.Printer.ExecutedCommands);
    }

    [Fact]
    public async Task The_same_seed_corrupts_the_same_lines()
    {
        async Task<List<long>> RunAsync()
        {
            await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, CorruptLineShare = 0.25, FaultSeed = 7 });
            await rig.Host.HelloAsync();
            return await SendAllResendingAsync(rig.Host, Commands);
        }

        Assert.Equal(await RunAsync(), await RunAsync());
    }

    [Fact]
    public async Task Without_ok_after_resend_the_next_ok_belongs_to_the_resent_line()
    {
        var options = new VirtualPrinterOptions { TimeScale = 10_000, CorruptLineOnce = 2, OkAfterResend = false, AdvancedOk = true };
        await using var rig = await TestPrinter.StartAsync(options);
        await rig.Host.HelloAsync();
        await rig.Host.SendAsync(1, "M117 one");
        Assert.Equal("ok N1 P16 B4", await rig.Host.ReadLineAsync());

        await rig.Host.SendAsync(2, "M117 two");
        Assert.Equal("Error:checksum mismatch, Last Line: 1", await rig.Host.ReadLineAsync());
        Assert.Equal("Resend: 2", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(2, "M117 two");

        // Prusa would have put a bare "ok P16 B4" first.
        Assert.Equal("ok N2 P16 B4", await rig.Host.ReadLineAsync());
        Assert.Equal(["M110 N0", "M117 one", "M117 two"], rig.Printer.ExecutedCommands);
    }

    [Fact]
    public async Task A_line_sent_twice_runs_once()
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000 });
        await rig.Host.HelloAsync();
        await rig.Host.SendAsync(1, "M117 once");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        await rig.Host.SendAsync(1, "M117 once");

        Assert.Equal(
            ["Error:Line Number is not Last Line Number+1, Last Line: 1", "Resend: 2", "ok"],
            await rig.Host.ReadUntilAsync(line => line == "ok"));
        Assert.Equal(["M110 N0", "M117 once"], rig.Printer.ExecutedCommands);
    }

    /// <summary>A ping-pong host that honours Resend (Prusa-style, with the ok); returns the lines it was asked to resend.</summary>
    private static async Task<List<long>> SendAllResendingAsync(RawMarlinClient host, string[] commands)
    {
        var resent = new List<long>();
        var next = 1;
        while (next <= commands.Length)
        {
            await host.SendAsync(next, commands[next - 1]);
            var replies = await host.ReadUntilAsync(line => line == "ok");
            if (replies.Count == 1)
            {
                next++;
                continue;
            }

            Assert.Equal([$"Error:checksum mismatch, Last Line: {next - 1}", $"Resend: {next}", "ok"], replies);
            resent.Add(long.Parse(replies[1]["Resend: ".Length..], CultureInfo.InvariantCulture));
        }

        return resent;
    }
}
