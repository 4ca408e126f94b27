using System.Text;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Tests.Support;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Streaming;

/// <summary>
/// Program content the wire cannot carry as written (M110, non-ASCII text, a BOM, over-long lines), commands that block
/// without busy lines, and firmware that resets or times out a write in the middle of a run.
/// </summary>
public sealed class ProgramContentAndFirmwareQuirkTests
{
    [Theory]
    [InlineData(FlowControl.PingPong)]
    [InlineData(FlowControl.Windowed)]
    public async Task An_M110_in_the_program_is_not_sent_and_every_other_line_runs_once(FlowControl flowControl)
    {
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = flowControl });
        var moves = ScriptedLink.Moves(20);
        string[] program = [.. moves[..10], "M110 N0", .. moves[10..]];

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(program)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
        Assert.Equal(0, result.Resends);
    }

    [Fact]
    public async Task Non_ascii_text_goes_out_as_ascii_with_a_checksum_over_the_bytes_written()
    {
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var moves = ScriptedLink.Moves(5);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(["M117 Température", .. moves])).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", "M117 Temp?rature", .. moves], marlin.Executed);
        Assert.Equal(0, result.Resends);
        Assert.All(marlin.Received, line => Assert.True(line.All(char.IsAscii), line));
    }

    [Fact]
    public async Task A_file_starting_with_a_UTF8_byte_order_mark_streams_its_first_line_intact()
    {
        using var work = new TempDirectory();
        var path = Path.Combine(work.Path, "bom.gcode");
        await File.WriteAllTextAsync(path, "G28\nG1 X1 F6000\nG1 X2 F6000\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, (await File.ReadAllBytesAsync(path))[0]);
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin);

        var result = await scripted.Link.RunFileAsync(path).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", "G28", "G1 X1 F6000", "G1 X2 F6000"], marlin.Executed);
        Assert.Equal(0, result.Resends);
    }

    [Theory]
    [InlineData("G29", null)]
    [InlineData("BED_MESH_CALIBRATE", "BED_MESH_CALIBRATE")]
    public async Task A_long_running_command_that_answers_after_three_ok_timeouts_without_busy_lines_completes_the_run(string command, string? extra)
    {
        var okTimeout = TimeSpan.FromMilliseconds(300);
        const long blockingLine = 4;
        var marlin = new ScriptedMarlin { DropOk = [blockingLine] };
        marlin.AfterExecute = (number, executed) =>
        {
            if (number == blockingLine)
            {
                // The firmware finishes probing three ok timeouts later and only then answers; nothing meanwhile.
                _ = Task.Delay(okTimeout * 3).ContinueWith(_ => marlin.Emit("ok"), TaskScheduler.Default);
            }
        };
        var options = new GcodeLinkOptions { OkTimeout = okTimeout, ExtraLongRunningCommands = extra is null ? [] : [extra] };
        await using var scripted = await ScriptedLink.StartAsync(marlin, options);
        var moves = ScriptedLink.Moves(6);
        string[] program = [.. moves[..3], command, .. moves[3..]];

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(program)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. program], marlin.Executed);
        Assert.Equal(0, result.Resends);
        Assert.DoesNotContain(marlin.Received, line => line.Contains("M105", StringComparison.Ordinal));
        Assert.True(result.Elapsed >= okTimeout * 2, $"took {result.Elapsed}: the run did not wait for the command's own ok");
    }

    [Fact]
    public async Task A_stray_ok_credited_to_a_line_the_firmware_rejected_is_made_good_and_every_line_runs_once()
    {
        // After line 10 a stray ok arrives (noise on the wire), which the host can only credit to line 11; line 11
        // itself arrives corrupted, so the firmware asks for it again although the host counted it as acknowledged.
        var marlin = new ScriptedMarlin { CorruptOnce = [11] };
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 10)
            {
                marlin.Emit("ok");
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var moves = ScriptedLink.Moves(30);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(["M110 N0", .. moves], marlin.Executed);
    }

    [Fact]
    public async Task A_resend_request_for_a_line_already_acknowledged_fails_the_run_as_a_firmware_reset()
    {
        var marlin = new ScriptedMarlin();
        marlin.AfterExecute = (number, _) =>
        {
            if (number == 10)
            {
                // A garbled "start": the firmware rebooted unseen and wants the print from line 1 again.
                marlin.Emit("Resend: 1");
            }
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var moves = ScriptedLink.Moves(30);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(moves)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.Equal("the firmware asked for line 1, which it had already acknowledged (it probably reset)", result.Reason);
        Assert.Single(marlin.Received, line => line.StartsWith("N1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_program_line_longer_than_the_firmware_buffer_fails_the_run_before_it_is_sent()
    {
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var tooLong = "G1 X1 Y2 Z3 E4 F6000 " + new string('S', 80);
        string[] program = ["G28", "G1 X1 F6000", tooLong, "G1 X2 F6000"];

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(program)).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.Equal($"line 3 is {LineChecksum.Format(3, tooLong).Length + 1} bytes; the firmware accepts at most 96", result.Reason);
        Assert.DoesNotContain(marlin.Received, line => line.Contains("SSSS", StringComparison.Ordinal));
        Assert.Equal(["M110 N0", "G28", "G1 X1 F6000"], marlin.Executed);
    }

    [Fact]
    public async Task A_long_M117_message_is_shortened_to_fit_the_firmware_buffer()
    {
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin);
        var message = "M117 " + string.Concat(Enumerable.Repeat("Layer 12 of 340 ", 8));

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines([message, "G28"])).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal("G28", marlin.Executed[^1]);
        var shown = marlin.Executed[1];
        Assert.StartsWith("M117 Layer 12 of 340", shown, StringComparison.Ordinal);
        Assert.StartsWith(shown, message, StringComparison.Ordinal);
        Assert.All(marlin.Received, line => Assert.True(line.Length + 1 <= 96, $"{line.Length + 1} bytes: {line}"));
    }

    [Fact]
    public async Task A_serial_write_timeout_fails_the_run_as_a_lost_connection()
    {
        var marlin = new ScriptedMarlin
        {
            WriteFault = line => line.StartsWith("N5 ", StringComparison.Ordinal) ? new TimeoutException("The write timed out.") : null,
        };
        await using var scripted = await ScriptedLink.StartAsync(marlin);

        var result = await scripted.Link.RunProgramAsync(GcodeProgram.FromLines(ScriptedLink.Moves(10))).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.StartsWith("the printer connection was lost at line 5", result.Reason, StringComparison.Ordinal);
    }
}
