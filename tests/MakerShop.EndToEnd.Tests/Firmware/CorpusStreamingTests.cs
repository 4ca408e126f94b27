using MakerShop.EndToEnd.Tests.Infrastructure;
using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.EndToEnd.Tests.Firmware;

/// <summary>
/// Every real G-code file of the corpus goes through the bridge's link to a virtual Marlin that corrupts 2 % of the
/// lines it receives and drops some oks: the printer must execute exactly the file's commands, once each, in order.
/// </summary>
[Collection(SerialLinkCollection.Name)]
public sealed class CorpusStreamingTests
{
    private const string HostCommandPrefixes = "M110 M105 M155 M115 M113";

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Corpus.GcodeFiles())
        {
            cases.Add(Path.GetFileName(file), "ping-pong");
            cases.Add(Path.GetFileName(file), "windowed");
            cases.Add(Path.GetFileName(file), "windowed-advanced-ok");
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_corpus_file_streamed_over_a_lossy_link_is_executed_exactly_once_each_in_order(string fileName, string mode)
    {
        var path = Path.Combine(Corpus.Directory, fileName);
        var printerOptions = new VirtualPrinterOptions
        {
            TimeScale = 100_000,
            CorruptLineShare = 0.02,
            DropOkShare = 0.001,
            FaultSeed = fileName.Length,
            AdvancedOk = mode == "windowed-advanced-ok",
        };
        var linkOptions = new GcodeLinkOptions
        {
            FlowControl = mode == "ping-pong" ? FlowControl.PingPong : FlowControl.Windowed,
            WindowSize = 4,

            // A dropped ok is only noticed by silence; a short timeout keeps the test fast without changing what it proves.
            OkTimeout = TimeSpan.FromMilliseconds(150),
        };

        await using var printer = new VirtualMarlinPrinter(printerOptions, TimeProvider.System, NullLogger<VirtualMarlinPrinter>.Instance);
        await printer.StartAsync();
        await using var connection = await new TcpFirmwareTransport("127.0.0.1", printer.Port).OpenAsync();
        await using var link = new GcodeLink(connection, linkOptions, TimeProvider.System, NullLogger<GcodeLink>.Instance);
        link.Start();
        Assert.True(await link.WaitForStartAsync(TimeSpan.FromSeconds(10)), "The virtual printer never said start.");

        var result = await link.RunFileAsync(path).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(result.Outcome == PrintOutcome.Completed, $"{result.Outcome}: {result.Reason}");
        Assert.True(printer.LinesCorrupted > 0, "The printer corrupted no line, so the test proved nothing about resends.");
        var expected = Corpus.Commands(path).ToList();
        var executed = printer.ExecutedCommands.Where(c => !IsHostCommand(c)).ToList();
        Assert.True(expected.Count == executed.Count, $"{fileName} ({mode}): {expected.Count} commands in the file, {executed.Count} executed.");
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i] == executed[i], $"{fileName} ({mode}), command {i + 1}: expected '{expected[i]}', executed '{executed[i]}'.");
        }
    }

    private static bool IsHostCommand(string command) =>
        command.Length >= 4 && HostCommandPrefixes.Contains(command[..4], StringComparison.Ordinal) && (command.Length == 4 || command[4] == ' ');
}
