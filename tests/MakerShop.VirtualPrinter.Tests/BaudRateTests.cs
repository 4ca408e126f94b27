using System.Diagnostics;
using System.Globalization;
using System.Text;
using MakerShop.VirtualPrinter.Tests.Support;
using Xunit.Abstractions;

namespace MakerShop.VirtualPrinter.Tests;

[Collection(nameof(WallClockCollection))]
public sealed class BaudRateTests(ITestOutputHelper output)
{
    // BUFSIZE: the host never has more lines unacknowledged than the printer can hold.
    private const int Window = 4;

    // About as long as a slicer's move, so the wire time of a round trip is well above the emulation's tolerance.
    private const string RoundTripCommand = "G1 X102.357 Y85.112 E0.03121";

    [Theory]
    [InlineData(115_200)]
    [InlineData(250_000)]
    public async Task The_host_cannot_push_more_than_a_tenth_of_the_baud_rate_in_bytes_a_second(int baudRate)
    {
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, BaudRate = baudRate });
        await rig.Host.HelloAsync();
        var commands = Enumerable.Range(1, 200).Select(i => $"M117 {i:D4} the quick brown fox jumps over the dog").ToList();
        var before = rig.Host.BytesSent;

        var clock = Stopwatch.StartNew();
        var sent = 0;
        for (var acknowledged = 0; acknowledged < commands.Count; acknowledged++)
        {
            while (sent < commands.Count && sent - acknowledged < Window)
            {
                await rig.Host.SendAsync(sent + 1, commands[sent]);
                sent++;
            }

            Assert.Equal("ok", await rig.Host.ReadLineAsync());
        }

        clock.Stop();

        // A rate, so real time: 8N1 puts ten bits on the wire per byte.
        var bytes = rig.Host.BytesSent - before;
        var wire = TimeSpan.FromSeconds(bytes / (baudRate / 10.0));
        output.WriteLine($"{bytes} bytes in {clock.Elapsed.TotalMilliseconds:0} ms; the wire needs {wire.TotalMilliseconds:0} ms");
        // Never faster than the wire; slower only by what a loaded machine adds.
        Assert.InRange(clock.Elapsed, wire * 0.8, wire * 3);
        Assert.Equal(rig.Host.BytesSent, rig.Printer.BytesReceived);
        Assert.Equal(commands.Count + 1, rig.Printer.ExecutedCommands.Count);
    }

    [Theory]
    [InlineData(115_200, 0)]
    [InlineData(250_000, 0)]
    [InlineData(1_000_000, 0)]
    [InlineData(250_000, 5)]
    public async Task Lines_written_back_to_back_arrive_at_a_tenth_of_the_baud_rate_in_bytes_a_second(int baudRate, int latencyMs)
    {
        var latency = TimeSpan.FromMilliseconds(latencyMs);
        var rate = baudRate / 10.0;

        // A command buffer that cannot fill, so the wire alone decides when lines arrive.
        await using var rig = await TestPrinter.StartAsync(new VirtualPrinterOptions { TimeScale = 10_000, BaudRate = baudRate, LinkLatency = latency, CommandBufferSize = 100_000 });
        await rig.Host.HelloAsync();
        var lines = LinesFor(TimeSpan.FromSeconds(2.5), rate);
        var total = lines.Sum(l => l.Length + 1L);
        var before = rig.Printer.BytesReceived;

        var clock = Stopwatch.StartNew();
        foreach (var line in lines)
        {
            await rig.Host.SendAsync(line);
        }

        // Sampled as the lines come in: the rate must hold throughout, not just on average.
        var samples = new List<(TimeSpan At, long Bytes)>();
        await Await.UntilAsync(
            () =>
            {
                var bytes = rig.Printer.BytesReceived - before;
                samples.Add((clock.Elapsed, bytes));
                return bytes >= total;
            },
            "every byte has arrived");
        var elapsed = samples[^1].At;

        var achieved = total / (elapsed - latency).TotalSeconds;
        var (midAt, midBytes) = samples.First(s => s.At >= TimeSpan.FromSeconds(1.25));
        var midRate = midBytes / (midAt - latency).TotalSeconds;
        output.WriteLine($"{total} bytes in {elapsed.TotalMilliseconds:0} ms: {achieved / rate:P1} of the wire overall, {midRate / rate:P1} at {midAt.TotalMilliseconds:0} ms");
        // Never faster than the wire; the lower bounds are loose because a loaded CI machine may deliver late.
        Assert.InRange(achieved / rate, 0.80, 1.03);
        Assert.InRange(midRate / rate, 0.75, 1.05);
        Assert.Equal(lines.Count, (await rig.Host.ReadLinesAsync(lines.Count)).Count(r => r == "ok"));
    }

    [Fact]
    public async Task Link_latency_is_paid_twice_by_a_round_trip()
    {
        const int baudRate = 250_000;
        var latency = TimeSpan.FromMilliseconds(5);
        var direct = await MedianRoundTripAsync(new VirtualPrinterOptions { TimeScale = 10_000, BaudRate = baudRate });
        var usb = await MedianRoundTripAsync(new VirtualPrinterOptions { TimeScale = 10_000, BaudRate = baudRate, LinkLatency = latency });

        // The line and its ok cross the wire at 25000 bytes/s, and each direction adds the latency on top.
        var line = Encoding.ASCII.GetByteCount(NumberedLine.Format(1, RoundTripCommand) + "\n");
        var wire = TimeSpan.FromSeconds((line + "ok\n".Length) / (baudRate / 10.0));
        output.WriteLine($"round trip {direct.TotalMilliseconds:0.00} ms direct, {usb.TotalMilliseconds:0.00} ms with {latency.TotalMilliseconds} ms each way (wire {wire.TotalMilliseconds:0.00} ms)");
        // Only lower bounds are asserted: a busy machine can make any round trip slower, never faster than the link allows.
        // Deliveries may be up to half a millisecond early each way (see below), so the bound allows one millisecond.
        Assert.True(usb >= 2 * latency + wire - TimeSpan.FromMilliseconds(1), $"A round trip of {usb.TotalMilliseconds:0.00} ms beat the link's {(2 * latency + wire).TotalMilliseconds:0.00} ms.");

        // Deliveries may be up to half a millisecond early each way; the wire itself is still paid.
        Assert.True(direct >= wire - TimeSpan.FromMilliseconds(1), $"A round trip of {direct.TotalMilliseconds:0.00} ms beat the wire's {wire.TotalMilliseconds:0.00} ms.");
    }

    private async Task<TimeSpan> MedianRoundTripAsync(VirtualPrinterOptions options)
    {
        await using var rig = await TestPrinter.StartAsync(options);
        await rig.Host.HelloAsync();
        var trips = new List<TimeSpan>();
        for (var n = 1; n <= 21; n++)
        {
            var clock = Stopwatch.StartNew();
            await rig.Host.SendAsync(n, RoundTripCommand);
            Assert.Equal("ok", await rig.Host.ReadLineAsync());
            trips.Add(clock.Elapsed);
        }

        return trips.Order().ElementAt(trips.Count / 2);
    }

    /// <summary>Short G-code lines like a slicer's, enough of them to fill the wire for <paramref name="span"/>.</summary>
    private static List<string> LinesFor(TimeSpan span, double bytesPerSecond)
    {
        var lines = new List<string>();
        for (var bytes = 0L; bytes < span.TotalSeconds * bytesPerSecond; bytes += lines[^1].Length + 1)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"G1 X{100 + (lines.Count % 500) * 0.1:0.000} Y{80 + (lines.Count % 300) * 0.1:0.000} E.0312"));
        }

        return lines;
    }
}
