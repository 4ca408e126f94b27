using MakerShop.Contracts.Devices;
using MakerShop.FirmwareBridge;
using MakerShop.VirtualPrinter;

namespace MakerShop.Web.Demo;

/// <summary>
/// A simulated printer and the firmware-bridge that drives it over TCP, as a maker would run them beside a real
/// machine. They live apart from the shop: they keep printing while the shop restarts, and reconnect when it is back.
/// </summary>
public sealed class VirtualFleetMember : IAsyncDisposable
{
    private readonly VirtualMarlinPrinter _printer;
    private readonly PrinterBridge _bridge;
    private readonly HttpClient _http;

    private VirtualFleetMember(string printerId, VirtualMarlinPrinter printer, PrinterBridge bridge, HttpClient http)
    {
        PrinterId = printerId;
        _printer = printer;
        _bridge = bridge;
        _http = http;
    }

    public string PrinterId { get; }

    public VirtualMarlinPrinter Printer => _printer;

    public PrinterBridge Bridge => _bridge;

    public static async Task<VirtualFleetMember> StartAsync(
        DeviceCredentials credentials,
        string mqttHost,
        int mqttPort,
        double timeScale,
        string workDirectory,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        VirtualPrinterOptions? printerOptions = null,
        bool autoEject = true,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var printer = new VirtualMarlinPrinter(
            (printerOptions ?? new VirtualPrinterOptions()) with { Name = credentials.PrinterId, TimeScale = timeScale },
            timeProvider,
            loggerFactory.CreateLogger<VirtualMarlinPrinter>());
        await printer.StartAsync(cancellationToken);
        Directory.CreateDirectory(workDirectory);
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var bridge = new PrinterBridge(
            new BridgeOptions
            {
                PrinterId = credentials.PrinterId,
                Secret = credentials.Secret,
                MqttHost = mqttHost,
                MqttPort = mqttPort,
                FirmwareHost = "127.0.0.1",
                FirmwarePort = printer.Port,
                WorkDirectory = workDirectory,
                AutoEject = autoEject,
                TelemetryInterval = TimeSpan.FromSeconds(2),
            },
            http,
            timeProvider,
            loggerFactory);
        await bridge.StartAsync(cancellationToken);
        return new VirtualFleetMember(credentials.PrinterId, printer, bridge, http);
    }

    public async ValueTask DisposeAsync()
    {
        await _bridge.StopAsync(CancellationToken.None);
        await _bridge.DisposeAsync();
        await _printer.DisposeAsync();
        _http.Dispose();
    }
}
