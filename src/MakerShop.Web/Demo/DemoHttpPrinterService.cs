using System.Globalization;
using System.Security.Cryptography;
using MakerShop.Core;
using MakerShop.VirtualHttpPrinters.Bambu;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Moonraker;
using MakerShop.VirtualHttpPrinters.OctoPrint;
using MakerShop.VirtualHttpPrinters.PrusaLink;
using MakerShop.VirtualHttpPrinters.Simulation;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Demo;

/// <summary>
/// Gives the demo a mixed farm: an OctoPrint, a Moonraker (Klipper), a PrusaLink (Prusa MK4) and a Bambu Lab (P1S, LAN
/// mode) printer, each a fake server on loopback in front of a simulated machine, driven by the shop exactly as a
/// maker's real printer of that kind would be.
/// </summary>
public sealed class DemoHttpPrinterService(
    IOptions<DemoOptions> demo,
    HttpPrinterProvisioner provisioner,
    TimeProvider timeProvider,
    ILogger<DemoHttpPrinterService> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>Bytes of G-code per simulated second: the demo parts then take about as long as on the Marlin printers.</summary>
    public const double BytesPerSecond = 200;

    private readonly List<IAsyncDisposable> _servers = [];
    private readonly List<string> _storages = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartAsync(PrinterKind.OctoPrint, "demo-octoprint-1", "Demo OctoPrint #1", "PLA", "black", cancellationToken);
        await StartAsync(PrinterKind.Moonraker, "demo-moonraker-1", "Demo Klipper (Moonraker) #1", "PLA", "white", cancellationToken);
        await StartAsync(PrinterKind.PrusaLink, "demo-prusalink-1", "Demo Prusa MK4 (PrusaLink) #1", "PLA", "black", cancellationToken);
        await StartBambuAsync("demo-bambu-1", "Demo Bambu Lab P1S #1", "PLA", "white", cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
        foreach (var storage in _storages)
        {
            Directory.Delete(storage, recursive: true);
        }

        _storages.Clear();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private async Task StartAsync(PrinterKind kind, string id, string name, string material, string colour, CancellationToken cancellationToken)
    {
        var machine = new SimulatedHttpPrinter(
            new SimulatedPrinterOptions { Name = id, TimeScale = demo.Value.Fleet.TimeScale, BytesPerSecond = BytesPerSecond }, timeProvider);
        var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        VirtualHttpServer server = kind switch
        {
            PrinterKind.OctoPrint => new FakeOctoPrintServer(machine, apiKey),
            PrinterKind.PrusaLink => new FakePrusaLinkServer(machine, apiKey),
            _ => new FakeMoonrakerServer(machine, apiKey),
        };
        await server.StartAsync(cancellationToken);
        _servers.Add(server);
        await provisioner.ProvisionAsync(
            new HttpPrinterDefinition
            {
                Id = id,
                Name = name,
                Kind = kind,
                BaseUrl = server.BaseUrl,
                ApiKeyRef = id,
                LoadedMaterial = material,
                LoadedColour = colour,
                CountryCode = "FR",
                AutoEject = true,
            },
            apiKey,
            cancellationToken);
        logger.LogInformation("Demo {Kind} printer {PrinterId} serving on {BaseUrl}", kind, id, server.BaseUrl);
    }

    /// <summary>
    /// A Bambu Lab printer in LAN mode: its TLS MQTT broker and its FTPS server on loopback, one self-signed certificate
    /// named by its serial for both, pinned at provisioning as a maker's registration pins it.
    /// </summary>
    private async Task StartBambuAsync(string id, string name, string material, string colour, CancellationToken cancellationToken)
    {
        var storage = Directory.CreateTempSubdirectory("makershop-demo-bambu-").FullName;
        _storages.Add(storage);
        var printer = new FakeBambuPrinter(
            new FakeBambuPrinterOptions
            {
                Serial = "01P00A" + RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000),
                AccessCode = RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture),
                StorageDirectory = storage,
                TimeScale = demo.Value.Fleet.TimeScale,
                // A P1S with an AMS holding the demo catalogue's filaments, so its trays show and jobs map to them.
                AmsTrays = [new(0, 0, "PLA", "FFFFFFFF", 90), new(0, 1, "PLA", "000000FF", 60), new(0, 2, "PETG", "FF6A13FF", 35)],
            },
            timeProvider);
        await printer.StartAsync(cancellationToken);
        _servers.Add(printer);
        var ftps = new FakeBambuFtpsServer(printer.Certificate, printer.AccessCode, storage);
        ftps.Start();
        _servers.Add(ftps);
        var address = new Uri($"mqtts://127.0.0.1:{printer.Port}/");
        await provisioner.ProvisionAsync(
            new HttpPrinterDefinition
            {
                Id = id,
                Name = name,
                Kind = PrinterKind.BambuLan,
                BaseUrl = address,
                ApiKeyRef = id,
                BambuSerial = printer.Serial,
                BambuCertificateSha256 = printer.CertificateSha256,
                BambuFtpsPort = ftps.Port,
                BuildX = 256,
                BuildY = 256,
                BuildZ = 256,
                LoadedMaterial = material,
                LoadedColour = colour,
                CountryCode = "FR",
                AutoEject = true,
            },
            printer.AccessCode,
            cancellationToken);
        logger.LogInformation("Demo {Kind} printer {PrinterId} serving MQTT on {BaseUrl} and FTPS on port {FtpsPort}", PrinterKind.BambuLan, id, address, ftps.Port);
    }
}
