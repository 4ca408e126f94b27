using System.Globalization;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Tests.Support;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Streaming;

/// <summary>Resend requests in every spelling, with and without the extra ok, one line or a whole window in flight.</summary>
public sealed class ResendHandlingTests
{
    public static TheoryData<string> Spellings => new()
    {
        "Resend:{0}", "Resend: {0}", "Resend: N{0}", "Resend: N:{0}", "rs {0}", "rs N{0}", "rs N:{0}", "rs N{0} expected checksum 109",
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Every_resend_spelling_is_honoured_and_each_line_runs_once(string spelling)
    {
        var marlin = new ScriptedMarlin
        {
            ResendFormat = n => string.Format(CultureInfo.InvariantCulture, spelling, n),
            CorruptOnce = [7, 30],
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var moves = ScriptedLink.Moves(40);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
        Assert.Equal(2, result.Resends);
    }

    [Theory]
    [InlineData(false, FlowControl.PingPong)]
    [InlineData(true, FlowControl.PingPong)]
    [InlineData(false, FlowControl.Windowed)]
    [InlineData(true, FlowControl.Windowed)]
    public async Task A_resend_with_or_without_a_following_ok_neither_stalls_nor_repeats_a_line(bool okAfterResend, FlowControl flowControl)
    {
        var marlin = new ScriptedMarlin { OkAfterResend = okAfterResend, CorruptOnce = [5, 17, 18, 60, 61, 62] };
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = flowControl, OkTimeout = TimeSpan.FromSeconds(20) });
        var moves = ScriptedLink.Moves(100);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        // An ok taken for the wrong line would either stall (no more credit) until the 20 s timeout or overrun the
        // window; either way the timing below and the exact command list catch it.
        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), $"took {result.Elapsed}: an ok was lost in the bookkeeping");
        Assert.DoesNotContain(marlin.Received, line => line.Contains("M105", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_windowed_host_resends_once_from_the_bad_line_and_ignores_the_repeated_requests()
    {
        // Line 10 is bad; 11–13 are already on the wire, so Marlin answers each with a line-number error and
        // "Resend: 10" again. Resending for each of them would put line 10 on the wire four times.
        var marlin = new ScriptedMarlin { CorruptOnce = [10] };
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = FlowControl.Windowed, WindowSize = 4 });
        var moves = ScriptedLink.Moves(30);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
        Assert.Equal(1, result.Resends);
        Assert.Equal(2, marlin.Received.Count(line => line.StartsWith("N10 ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_resend_for_a_line_never_sent_is_treated_as_noise_and_the_run_goes_on()
    {
        var marlin = new ScriptedMarlin();
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 12)
            {
                // OctoPrint #4671: line noise turned a real number into one the host never sent.
                marlin.Emit("Resend: 034497");
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var moves = ScriptedLink.Moves(25);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
        Assert.Equal(0, result.Resends);
    }

    [Fact]
    public async Task A_line_refused_over_and_over_fails_the_run_as_a_resend_loop()
    {
        // Line 3 is never acknowledged (a request for a line the firmware answered with an ok would mean it reset).
        var marlin = new ScriptedMarlin { DropOk = [3] };
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 3)
            {
                for (var i = 0; i < 12; i++)
                {
                    marlin.Emit("Resend: 3");
                    marlin.Emit("Error:checksum mismatch, Last Line: 2");
                }
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(10))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.Contains("times in a row", result.Reason, StringComparison.Ordinal);
    }
}
