using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.Core;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;
using MakerShop.Printers.Reports;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Printers.Tests.Support;

/// <summary>
/// One HTTP printer under test: a fake OctoPrint or Moonraker server on loopback in front of a simulated machine on a
/// fake clock, the shop's G-code endpoint, and the real connector, poller and Refit clients wired as the host wires them.
/// </summary>
internal sealed class HttpPrinterRig : IAsyncDisposable
{
    public const string PrinterId = "test-printer";
    public const string ApiKey = "0123456789ABCDEF0123456789ABCDEF";
    public static readonly TimeSpan OfflineAfter = TimeSpan.FromSeconds(30);

    /// <summary>Machine time per byte: a test job of about 10 KB takes a couple of minutes of fake time.</summary>
    public const double BytesPerSecond = 100;

    private readonly ServiceProvider _services;

    private HttpPrinterRig(PrinterKind kind, FakeTimeProvider clock, SimulatedHttpPrinter machine, VirtualHttpServer server, ShopGcodeServer shop, ServiceProvider services, TestDirectory directory)
    {
        Kind = kind;
        Clock = clock;
        Machine = machine;
        Server = server;
        Shop = shop;
        _services = services;
        Directory = directory;
        Sink = services.GetRequiredService<RecordingReportSink>();
        Poller = services.GetRequiredService<HttpPrinterPoller>();
        var protocol = services.GetServices<IHttpPrinterProtocol>().Single(p => p.Kind == kind);
        Protocol = protocol;
        Connector = ActivatorUtilities.CreateInstance<HttpPrinterConnector>(services, protocol, clock);
    }

    public PrinterKind Kind { get; }

    public FakeTimeProvider Clock { get; }

    public SimulatedHttpPrinter Machine { get; }

    public VirtualHttpServer Server { get; }

    public ShopGcodeServer Shop { get; }

    public TestDirectory Directory { get; }

    public RecordingReportSink Sink { get; }

    public HttpPrinterPoller Poller { get; }

    public IHttpPrinterProtocol Protocol { get; }

    public IPrinterConnector Connector { get; }

    public HttpPrinterEndpoint Endpoint => Directory.FindAsync(PrinterId).Result!;

    public static async Task<HttpPrinterRig> StartAsync(PrinterKind kind, string apiKeyUsedByShop = ApiKey, TimeSpan? requestTimeout = null, int statusRetries = 1, FakePrusaLinkOptions? prusaLink = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var machine = new SimulatedHttpPrinter(new SimulatedPrinterOptions { Name = PrinterId, BytesPerSecond = BytesPerSecond }, clock);
        VirtualHttpServer server = kind switch
        {
            PrinterKind.OctoPrint => new FakeOctoPrintServer(machine, ApiKey),
            PrinterKind.PrusaLink => new FakePrusaLinkServer(machine, ApiKey, prusaLink),
            _ => new FakeMoonrakerServer(machine, ApiKey),
        };
        await server.StartAsync();
        var shop = await ShopGcodeServer.StartAsync();
        var directory = new TestDirectory();
        directory.Put(new HttpPrinterEndpoint(PrinterId, kind, server.BaseUrl, apiKeyUsedByShop, shop.Credentials, AutoEject: true));
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<RecordingReportSink>()
            .AddSingleton<IPrinterReportSink>(sp => sp.GetRequiredService<RecordingReportSink>())
            .AddSingleton<IHttpPrinterDirectory>(directory)
            .AddSingleton(new HttpPrinterMonitor(clock, OfflineAfter))
            .AddHttpPrinterDrivers(new HttpPrinterClientSettings(requestTimeout ?? TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), statusRetries))
            .BuildServiceProvider();
        return new HttpPrinterRig(kind, clock, machine, server, shop, services, directory);
    }

    public static string Command(PrinterCommandKind kind, string jobId, StartJobArguments? start = null, string? commandId = null) =>
        Encoding.UTF8.GetString(ContractJson.Serialize(new PrinterCommandPayload(commandId ?? $"cmd_{Guid.NewGuid():N}", kind, start, jobId, DateTimeOffset.UnixEpoch)));

    /// <summary>Delivers a start for a new job and returns its id and command id.</summary>
    public async Task<(string JobId, string CommandId, bool Delivered)> StartJobAsync(string? jobId = null, IPrinterConnector? through = null)
    {
        jobId ??= $"job_{Guid.NewGuid():N}";
        var commandId = $"cmd_{Guid.NewGuid():N}";
        var delivered = await (through ?? Connector).DeliverAsync(PrinterId, Command(PrinterCommandKind.Start, jobId, Shop.AddJob(jobId), commandId));
        return (jobId, commandId, delivered);
    }

    /// <summary>A connector on this printer that talks through <paramref name="protocol"/> (e.g. one that fails some calls).</summary>
    public IPrinterConnector ConnectorWith(IHttpPrinterProtocol protocol) => ActivatorUtilities.CreateInstance<HttpPrinterConnector>(_services, protocol, Clock);

    public string FileOf(string jobId) => Kind == PrinterKind.Moonraker ? $"{HttpJobFiles.MoonrakerFolder}/{jobId}.gcode" : $"{jobId}.gcode";

    public Task<bool> SendAsync(PrinterCommandKind kind, string jobId) => Connector.DeliverAsync(PrinterId, Command(kind, jobId));

    public CommandAcknowledgedReport AckOf(string commandId) => Sink.OfType<CommandAcknowledgedReport>().Single(a => a.CommandId == commandId);

    public Task PollAsync() => Poller.PollOnceAsync();

    public async Task AdvanceAndPollAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await PollAsync();
    }

    /// <summary>A typed client for this printer, as the protocols make them.</summary>
    public T Api<T>(string clientName = HttpPrinterApiFactory.CommandClient) => _services.GetRequiredService<HttpPrinterApiFactory>().Create<T>(Endpoint, clientName);

    public IReadOnlyList<JobReport> JobEvents(string jobId) => [.. Sink.OfType<JobReport>().Where(r => r.JobId == jobId)];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Shop.DisposeAsync();
        await _services.DisposeAsync();
    }
}
