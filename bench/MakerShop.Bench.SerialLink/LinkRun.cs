using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Bench.SerialLink;

/// <summary>One measured stream: a fresh virtual printer at a baud rate, the bridge's link in one flow-control mode.</summary>
internal static class LinkRun
{
    public sealed record Result(string Mode, int Baud, long Lines, long Bytes, TimeSpan Elapsed, int Resends)
    {
        /// <summary>Bytes per second the wire can carry at 8N1: ten bits per byte.</summary>
        public double WireBytesPerSecond => Baud / 10.0;

        public double LinesPerSecond => Lines / Elapsed.TotalSeconds;

        public double ShareOfWire => Bytes / Elapsed.TotalSeconds / WireBytesPerSecond;
    }

    public static async Task<Result> RunAsync(string file, int baud, TimeSpan latency, FlowControl flow, bool advancedOk)
    {
        // Motion is made instant (time scale) so that the wire and the protocol are all that is measured.
        var printerOptions = new VirtualPrinterOptions { BaudRate = baud, LinkLatency = latency, TimeScale = 100_000, AdvancedOk = advancedOk };
        await using var printer = new VirtualMarlinPrinter(printerOptions, TimeProvider.System, NullLogger<VirtualMarlinPrinter>.Instance);
        await printer.StartAsync();
        await using var connection = await new TcpFirmwareTransport("127.0.0.1", printer.Port).OpenAsync();
        await using var link = new GcodeLink(connection, new GcodeLinkOptions { FlowControl = flow, WindowSize = 4 }, TimeProvider.System, NullLogger<GcodeLink>.Instance);
        link.Start();
        if (!await link.WaitForStartAsync(TimeSpan.FromSeconds(10)))
        {
            throw new InvalidOperationException("The virtual printer never said start.");
        }

        var result = await link.RunFileAsync(file);
        if (result.Outcome != PrintOutcome.Completed)
        {
            throw new InvalidOperationException($"The stream did not complete: {result.Outcome} {result.Reason}");
        }

        var mode = flow == FlowControl.PingPong ? "ping-pong" : advancedOk ? "windowed (ADVANCED_OK)" : "windowed (window 4)";
        return new Result(mode, baud, result.LinesSent, result.BytesSent, result.Elapsed, result.Resends);
    }
}
