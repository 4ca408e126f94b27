using System.Globalization;
using System.Text;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Gcode.Sources;
using MakerShop.FirmwareBridge.Tests.Support;

namespace MakerShop.FirmwareBridge.Tests.Gcode.Streaming;

/// <summary>A job file is streamed from disk through bounded buffers, whatever its size, and progress follows its bytes.</summary>
public sealed class LargeFileStreamingTests
{
    [Fact]
    public async Task A_50_MB_file_streams_through_a_bounded_look_ahead_and_history()
    {
        using var work = new TempDirectory();
        var path = Path.Combine(work.Path, "large.gcode");
        var commands = await WriteLargeFileAsync(path, targetBytes: 50L * 1024 * 1024);
        var marlin = new ScriptedMarlin();
        await using var scripted = await ScriptedLink.StartAsync(marlin, new GcodeLinkOptions { FlowControl = FlowControl.Windowed });
        var fractions = new List<double>();

        var result = await scripted.Link.RunFileAsync(path, onProgress: p => fractions.Add(p.Fraction)).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(commands, result.LinesAcknowledged);
        Assert.Equal(commands + 1, marlin.Executed.Count);
        Assert.InRange(result.PeakHistoryLines, 1, new GcodeLinkOptions().HistorySize);
        Assert.InRange(result.PeakLookAheadBytes, 1, GcodeFileReader.BufferSize);
        Assert.Equal(1.0, fractions[^1]);
        Assert.True(fractions.Zip(fractions.Skip(1)).All(pair => pair.First <= pair.Second), "progress never goes back");
    }

    [Fact]
    public async Task Progress_counts_the_bytes_of_the_file_not_its_lines()
    {
        // Two thirds of the file is one comment block before the first command: acknowledging that command alone is
        // already two thirds of the way, though it is one line in a thousand.
        using var work = new TempDirectory();
        var path = Path.Combine(work.Path, "header.gcode");
        var header = string.Concat(Enumerable.Repeat("; thumbnail data ................................................\n", 1000));
        var body = string.Concat(Enumerable.Range(1, 1000).Select(i => string.Create(CultureInfo.InvariantCulture, $"G1 X{i % 100:000} Y{i % 90:000} F9000 ; move {i:00000}\n")));
        await File.WriteAllTextAsync(path, header + body);
        await using var scripted = await ScriptedLink.StartAsync(new ScriptedMarlin());
        var progress = new List<PrintProgress>();

        var result = await scripted.Link.RunFileAsync(path, onProgress: progress.Add).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Completed, result.Outcome);
        Assert.Equal(1, progress[0].LinesAcknowledged);
        var firstLine = body[..(body.IndexOf('\n', StringComparison.Ordinal) + 1)];
        Assert.Equal((double)(header.Length + firstLine.Length) / (header.Length + body.Length), progress[0].Fraction, precision: 9);
        Assert.Equal(new FileInfo(path).Length, progress[^1].TotalBytes);
    }

    [Fact]
    public async Task A_missing_file_fails_the_run_instead_of_throwing()
    {
        await using var scripted = await ScriptedLink.StartAsync(new ScriptedMarlin());

        var result = await scripted.Link.RunFileAsync(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".gcode")).WaitAsync(Await.Timeout);

        Assert.Equal(PrintOutcome.Failed, result.Outcome);
        Assert.StartsWith("the G-code file could not be opened", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>Slicer-like lines padded with comments, so 50 MB is a quarter of a million commands, not millions.</summary>
    private static async Task<long> WriteLargeFileAsync(string path, long targetBytes)
    {
        var padding = new string('.', 160);
        long commands = 0;
        await using var writer = new StreamWriter(path, append: false, Encoding.ASCII, bufferSize: 1 << 16);
        long written = 0;
        while (written < targetBytes)
        {
            commands++;
            var line = string.Create(CultureInfo.InvariantCulture, $"G1 X{commands % 200}.{commands % 10} Y{commands % 180} E{commands * 0.01:0.00} ; {padding}");
            await writer.WriteLineAsync(line);
            written += line.Length + Environment.NewLine.Length;
            if (commands % 500 == 0)
            {
                await writer.WriteLineAsync(";LAYER_CHANGE");
                written += 14;
            }
        }

        return commands;
    }
}
