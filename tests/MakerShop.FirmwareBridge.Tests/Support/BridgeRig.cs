using System.Text;
using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Transport;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>
/// One bridge with everything around it, for real: an MQTTnet broker, a Kestrel serving G-code, a virtual printer
/// over TCP and a client playing the shop. The bridge can be restarted (a new instance on the same work directory).
/// </summary>
internal sealed class BridgeRig : IAsyncDisposable
{
    private bool brokerRunning = true;

    public const string PrinterId = "printer-42";
    private const string Secret = "bridge-secret";

    private readonly TempDirectory work = new();
    private readonly HttpClient http = new();
    private readonly ILoggerFactory loggers;

    private BridgeRig(ITestOutputHelper output) => loggers = TestOutputLoggerProvider.CreateFactory(output);

    public InProcessBroker Broker { get; private set; } = null!;

    public GcodeServer Gcode { get; private set; } = null!;

    public VirtualMarlinPrinter Printer { get; private set; } = null!;

    public PrinterBridge Bridge { get; private set; } = null!;

    public ShopClient Shop { get; private set; } = null!;

    public string WorkDirectory => work.Path;

    /// <summary>Everything up, the bridge Idle.</summary>
    public static async Task<BridgeRig> StartAsync(ITestOutputHelper output, VirtualPrinterOptions? printerOptions = null)
    {
        var rig = new BridgeRig(output);
        rig.Broker = await InProcessBroker.StartAsync();
        rig.Gcode = await GcodeServer.StartAsync(new(PrinterId, Secret));
        rig.Printer = new VirtualMarlinPrinter(printerOptions ?? new VirtualPrinterOptions { TimeScale = 10_000 }, TimeProvider.System, rig.loggers.CreateLogger<VirtualMarlinPrinter>());
        await rig.Printer.StartAsync().WaitAsync(Await.Timeout);
        rig.Shop = await ShopClient.ConnectAsync(rig.Broker.Port);
        rig.Bridge = rig.CreateBridge(autoEject: false, transport: null);
        await rig.Bridge.StartAsync().WaitAsync(Await.Timeout);
        await rig.Shop.WaitForAsync<PrinterStatePayload>(PrinterTopics.State(PrinterId), s => s.Status == BridgeStatus.Idle);
        return rig;
    }

    /// <summary>Stops the bridge and starts a new instance on the same work directory, as a process restart would.</summary>
    public async Task RestartBridgeAsync(bool autoEject = false, IFirmwareTransport? transport = null)
    {
        await StopBridgeAsync();
        await StartNewBridgeAsync(autoEject, transport);
    }

    /// <summary>Stops the bridge the way its host does (it says goodbye to the broker); stopping twice is harmless.</summary>
    public Task StopBridgeAsync() => Bridge.DisposeAsync().AsTask().WaitAsync(Await.Timeout);

    /// <summary>Starts a new bridge instance on the same work directory; call <see cref="StopBridgeAsync"/> first.</summary>
    public async Task StartNewBridgeAsync(bool autoEject = false, IFirmwareTransport? transport = null)
    {
        Bridge = CreateBridge(autoEject, transport);
        await Bridge.StartAsync().WaitAsync(Await.Timeout);

        // A command published before the bridge has subscribed is lost (the shop's outbox would re-send it; tests don't).
        if (brokerRunning)
        {
            await Await.UntilAsync(() => Bridge.IsMqttConnected, "the new bridge subscribed to its commands");
        }
    }

    /// <summary>Plays a broker restart on the same port; the shop is disconnected meanwhile.</summary>
    public async Task StopBrokerAsync()
    {
        brokerRunning = false;
        await Shop.DisposeAsync();
        await Broker.DisposeAsync();
    }

    public async Task StartBrokerAgainAsync()
    {
        Broker = await InProcessBroker.StartAsync(Broker.Port);
        brokerRunning = true;
        Shop = await ShopClient.ConnectAsync(Broker.Port);
    }

    /// <summary>What the bridge published on <paramref name="topic"/>, as the broker took it, after the first <paramref name="skip"/> messages of any topic.</summary>
    public T[] Published<T>(string topic, int skip = 0)
        where T : class, IVersionedPayload =>
        Broker.Published.Skip(skip).Where(m => m.Topic == topic).Select(m => ContractJson.TryDeserialize<T>(m.Payload)).OfType<T>().ToArray();

    /// <summary>Every conversation (handshake, job, cool-down) starts with M110 N0.</summary>
    public IEnumerable<string> LastConversation()
    {
        var executed = Printer.ExecutedCommands.ToList();
        // M108 is the cancel's out-of-band break: Marlin's emergency parser takes it whenever it arrives, so where it
        // lands among the queued lines is a race, not part of the conversation.
        return executed.Skip(executed.LastIndexOf("M110 N0") + 1).Where(c => c != "M108");
    }

    public PrinterCommandPayload StartCommand(string commandId, string jobId, string file)
    {
        var content = Encoding.ASCII.GetBytes(file);
        var url = Gcode.Add(jobId + ".gcode", content);
        return new PrinterCommandPayload(commandId, PrinterCommandKind.Start, TestGcode.StartArguments(jobId, url, content), jobId, DateTimeOffset.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await StopBridgeAsync();
        await Shop.DisposeAsync();
        await Printer.DisposeAsync();
        await Gcode.DisposeAsync();
        await Broker.DisposeAsync();
        http.Dispose();
        loggers.Dispose();
        work.Dispose();
    }

    private PrinterBridge CreateBridge(bool autoEject, IFirmwareTransport? transport)
    {
        var options = new BridgeOptions
        {
            PrinterId = PrinterId,
            Secret = Secret,
            MqttPort = Broker.Port,
            FirmwarePort = Printer.Port,
            WorkDirectory = work.Path,
            AutoEject = autoEject,
            TelemetryInterval = TimeSpan.FromSeconds(1),
            ReconnectDelay = TimeSpan.FromMilliseconds(100),
        };
        return new PrinterBridge(options, http, transport ?? new TcpFirmwareTransport("127.0.0.1", Printer.Port), TimeProvider.System, loggers);
    }
}
