using System.Globalization;
using System.Security.Cryptography;
using MakerShop.Core;
using MakerShop.FirmwareBridge;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.VirtualPrinter;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Bench.Soak;

/// <summary>
/// The soak's printers: a virtual Marlin printer and its firmware-bridge per printer, in the harness process and not in
/// the host, so that they live through a host restart and each bridge can be restarted on its own while its printer runs.
/// </summary>
public sealed class SoakFleet : IAsyncDisposable
{
    /// <summary>What the printers hold, in turn; the orders ask for the same three, so every order has printers.</summary>
    public static readonly (string Material, string Colour)[] Filaments = [("PLA", "black"), ("PLA", "white"), ("PETG", "orange")];

    private readonly List<Member> _members;

    private SoakFleet(List<Member> members) => _members = members;

    public int Count => _members.Count;

    public int BridgeRestarts { get; private set; }

    public static string PrinterId(int index) => string.Create(CultureInfo.InvariantCulture, $"soak-{index + 1:000}");

    /// <summary>The printers' MQTT secrets, made before anything starts: Mosquitto's password file and the shop both need them.</summary>
    public static IReadOnlyDictionary<string, string> NewSecrets(int printers) =>
        Enumerable.Range(0, printers).ToDictionary(PrinterId, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)));

    /// <summary>Puts the printers into the host's database (the host must have started once, to create it).</summary>
    public static async Task RegisterAsync(string dataDirectory, IReadOnlyDictionary<string, string> secrets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var options = new StorageOptions { DataDirectory = dataDirectory };
        var connections = new SqliteConnectionFactory(DataPaths.Resolve(options, dataDirectory), options);
        var now = DateTimeOffset.UtcNow;
        await using var session = await DbSession.BeginAsync(connections, ct);
        var index = 0;
        foreach (var (id, secret) in secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var (material, colour) = Filaments[index++ % Filaments.Length];
            var printer = Printer.Register(id, $"Soak printer {index}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, material, colour, "FR",
                autoEject: true, now);
            await PrinterStore.UpsertAsync(session, printer, Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret))), ct);
        }

        await session.CommitAsync(ct);
    }

    public static async Task<SoakFleet> StartAsync(
        IReadOnlyDictionary<string, string> secrets, string mqttHost, int mqttPort, SoakOptions options, string workDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(options);
        var members = new List<Member>();
        var index = 0;
        foreach (var (id, secret) in secrets.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var printer = new VirtualMarlinPrinter(
                new VirtualPrinterOptions
                {
                    Name = id,
                    TimeScale = options.TimeScale,
                    CorruptLineShare = options.CorruptSerialLineShare,
                    FaultSeed = options.Seed + index++,
                    // A week of prints: the harness would otherwise keep every G-code line each printer ran.
                    ExecutedCommandCapacity = 1_000,
                },
                TimeProvider.System,
                NullLogger<VirtualMarlinPrinter>.Instance);
            await printer.StartAsync(ct);
            var bridgeOptions = new BridgeOptions
            {
                PrinterId = id,
                Secret = secret,
                MqttHost = mqttHost,
                MqttPort = mqttPort,
                FirmwareHost = "127.0.0.1",
                FirmwarePort = printer.Port,
                WorkDirectory = Path.Combine(workDirectory, id),
                AutoEject = true,
                TelemetryInterval = TimeSpan.FromSeconds(5),
            };
            Directory.CreateDirectory(bridgeOptions.WorkDirectory);
            var member = new Member(printer, bridgeOptions);
            await member.StartBridgeAsync(ct);
            members.Add(member);
        }

        return new SoakFleet(members);
    }

    /// <summary>Stops one printer's bridge (as its service manager would) and starts a new one; the printer keeps its state.</summary>
    public async Task RestartBridgeAsync(int index, CancellationToken ct)
    {
        var member = _members[index];
        await member.StopBridgeAsync();
        await member.StartBridgeAsync(ct);
        BridgeRestarts++;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }

        _members.Clear();
    }

    private sealed class Member(VirtualMarlinPrinter printer, BridgeOptions options) : IAsyncDisposable
    {
        private PrinterBridge? _bridge;
        private HttpClient? _http;

        public async Task StartBridgeAsync(CancellationToken ct)
        {
            _http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            _bridge = new PrinterBridge(options, _http, TimeProvider.System, NullLoggerFactory.Instance);
            await _bridge.StartAsync(ct);
        }

        public async Task StopBridgeAsync()
        {
            if (_bridge is not null)
            {
                await _bridge.DisposeAsync();
                _bridge = null;
            }

            _http?.Dispose();
            _http = null;
        }

        public async ValueTask DisposeAsync()
        {
            await StopBridgeAsync();
            await printer.DisposeAsync();
        }
    }
}
