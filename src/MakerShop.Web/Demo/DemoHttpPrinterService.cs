using System.Security.Cryptography;
using MakerShop.Core;
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
/// Gives the demo a mixed farm: one OctoPrint-style, one Moonraker-style and one PrusaLink (Prusa MK4) printer, each a
/// fake server on loopback in front of a simulated machine, driven by the shop over HTTP exactly as a maker's real
/// OctoPrint, Klipper or Prusa would be.
/// </summary>
public sealed class DemoHttpPrinterService(
    IOptions<DemoOptions> demo,
    HttpPrinterProvisioner provisioner,
    TimeProvider timeProvider,
    ILogger<DemoHttpPrinterService> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>Bytes of G-code per simulated second: the demo parts then take about as long as on the Marlin printers.</summary>
    public const double BytesPerSecond = 200;

    private readonly List<VirtualHttpServer> _servers = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await StartAsync(PrinterKind.OctoPrint, "demo-octoprint-1", "Demo OctoPrint #1", "PLA", "black", cancellationToken);
        await StartAsync(PrinterKind.Moonraker, "demo-moonraker-1", "Demo Klipper (Moonraker) #1", "PLA", "white", cancellationToken);
        await StartAsync(PrinterKind.PrusaLink, "demo-prusalink-1", "Demo Prusa MK4 (PrusaLink) #1", "PLA", "black", cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        _servers.Clear();
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
}
