using MakerShop.FirmwareBridge.Gcode;
using MakerShop.FirmwareBridge.Transport;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>A virtual printer with a G-code link connected to it over TCP.</summary>
internal sealed class LinkedPrinter : IAsyncDisposable
{
    private LinkedPrinter(VirtualMarlinPrinter printer, GcodeLink link)
    {
        Printer = printer;
        Link = link;
    }

    public VirtualMarlinPrinter Printer { get; }

    public GcodeLink Link { get; }

    /// <summary>The last lines both ways, for failure messages.</summary>
    public RecordingConnection Wire { get; private init; } = null!;

    public static Task<LinkedPrinter> StartAsync(VirtualPrinterOptions? options = null, TimeSpan? okTimeout = null) =>
        StartAsync(options, new GcodeLinkOptions { OkTimeout = okTimeout ?? TimeSpan.FromSeconds(10) });

    public static async Task<LinkedPrinter> StartAsync(VirtualPrinterOptions? options, GcodeLinkOptions linkOptions)
    {
        var printer = new VirtualMarlinPrinter(options ?? new VirtualPrinterOptions { TimeScale = 10_000 }, TimeProvider.System, NullLogger<VirtualMarlinPrinter>.Instance);
        await printer.StartAsync().WaitAsync(Await.Timeout);
        var connection = new RecordingConnection(await new TcpFirmwareTransport("127.0.0.1", printer.Port).OpenAsync().WaitAsync(Await.Timeout));
        var link = new GcodeLink(connection, linkOptions, TimeProvider.System, NullLogger<GcodeLink>.Instance);
        link.Start();
        Assert.True(await link.WaitForStartAsync(TimeSpan.FromSeconds(5)).WaitAsync(Await.Timeout));
        return new LinkedPrinter(printer, link) { Wire = connection };
    }

    public async ValueTask DisposeAsync()
    {
        await Link.DisposeAsync();
        await Printer.DisposeAsync();
    }
}
