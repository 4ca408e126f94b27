using MakerShop.VirtualPrinter.Tests.Support;

namespace MakerShop.VirtualPrinter.Tests;

/// <summary>Moves are acknowledged when they enter the planner, so a full planner holds the host back.</summary>
public sealed class PlannerFlowControlTests
{
    // The fake clock moves in quarter seconds; a reply read one step late is still "as the move finished".
    private static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(750);

    [Fact]
    public async Task A_move_is_not_acknowledged_while_the_planner_is_full_and_is_released_as_moves_finish()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions { PlannerBufferSize = 2 });
        await rig.Host.HelloAsync();

        // Each move is 10 mm at 10 mm/s: one simulated second.
        await rig.Host.SendAsync(1, "G1 X10 F600");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());
        await rig.Host.SendAsync(2, "G1 X20");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        await rig.Host.SendAsync(3, "G1 X30");
        await Await.UntilAsync(() => rig.Printer.ExecutedCommands.Contains("G1 X30"), "the third move is being processed");
        Assert.Null(await rig.Host.TryReadLineAsync(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(2, rig.Printer.PlannedMoves);

        Assert.Equal("ok", await rig.AdvanceUntilReplyAsync());
        Assert.InRange(rig.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1) + Slack);

        await rig.Host.SendAsync(4, "G1 X40");
        Assert.Equal("ok", await rig.AdvanceUntilReplyAsync());
        Assert.InRange(rig.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2) + Slack);
    }

    [Fact]
    public async Task M400_is_acknowledged_only_once_every_planned_move_has_finished()
    {
        await using var rig = await TestPrinter.StartFrozenAsync(new VirtualPrinterOptions());
        await rig.Host.HelloAsync();
        for (var i = 1; i <= 3; i++)
        {
            await rig.Host.SendAsync(i, $"G1 X{i * 10} F600");
            Assert.Equal("ok", await rig.Host.ReadLineAsync());
        }

        await rig.Host.SendAsync(4, "M400");
        Assert.Equal("ok", await rig.AdvanceUntilReplyAsync());

        Assert.InRange(rig.Elapsed, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) + Slack);
        Assert.Equal(0, rig.Printer.PlannedMoves);
    }

    [Fact]
    public async Task A_host_that_overfills_the_command_buffer_loses_the_line_and_is_asked_to_resend_it()
    {
        var options = new VirtualPrinterOptions { CommandBufferSize = 2, PlannerBufferSize = 1 };
        await using var rig = await TestPrinter.StartFrozenAsync(options);
        await rig.Host.HelloAsync();
        await rig.Host.SendAsync(1, "G1 X10 F600");
        Assert.Equal("ok", await rig.Host.ReadLineAsync());

        // The planner is full, so line 2 blocks in processing and line 3 waits behind it: both slots are taken.
        await rig.Host.SendAsync(2, "G1 X20");
        await rig.Host.SendAsync(3, "M117 queued");
        await Await.UntilAsync(() => rig.Printer.QueuedCommands == 2, "both command slots are taken");
        await rig.Host.SendAsync(4, "M117 overflow");

        Assert.Equal(
            ["Error:Line Number is not Last Line Number+1, Last Line: 3", "Resend: 4", "ok"],
            await rig.Host.ReadLinesAsync(3));
        Assert.Equal(1, rig.Printer.ResendRequests);
        Assert.DoesNotContain("M117 overflow", rig.Printer.ExecutedCommands);
    }
}
