using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.VirtualPrinter;
using MakerShop.Web.Devices;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Demo;

/// <summary>Registers the demo printers (with fresh secrets each start) and runs a virtual printer and bridge for each.</summary>
public sealed class DemoFleetService(
    IOptions<DemoOptions> demo,
    IOptions<MqttBrokerOptions> mqtt,
    PrinterRegistry registry,
    DataPaths paths,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    // Two printer models, each with its slicer profile under config/slicing/printers/: the 250 × 210 × 210 mm Marlin
    // machines and one large-format 350 × 350 × 350 mm machine.
    // The demo fleet runs inside the host for as long as it runs: each printer keeps only its last executed commands.
    private static readonly VirtualPrinterOptions DemoPrinter = new() { ExecutedCommandCapacity = 1_000 };

    private static readonly (string Material, string Colour, string Country, string Model, Size3 BuildVolume)[] Loadout =
    [
        ("PLA", "black", "FR", "Marlin", new Size3(250, 210, 210)),
        ("PLA", "white", "FR", "Marlin", new Size3(250, 210, 210)),
        ("PETG", "orange", "DE", "Marlin", new Size3(250, 210, 210)),
        ("PLA", "black", "US", "Marlin XL", new Size3(350, 350, 350)),
    ];

    private readonly List<VirtualFleetMember> _members = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fleet = demo.Value.Fleet;
        for (var i = 0; i < fleet.Count; i++)
        {
            var (material, colour, country, model, buildVolume) = Loadout[i % Loadout.Length];
            var id = $"demo-printer-{i + 1}";
            var credentials = await registry.RegisterAsync(
                new PrinterRegistration(id, $"Demo {model} #{i + 1}", PrinterKind.FirmwareBridge, buildVolume, 0.4, material, colour, country, AutoEject: true),
                cancellationToken);
            _members.Add(await VirtualFleetMember.StartAsync(
                credentials, mqtt.Value.Host, mqtt.Value.Port, fleet.TimeScale, Path.Combine(paths.DataDirectory, "demo-bridges", id),
                timeProvider, loggerFactory, printerOptions: DemoPrinter, cancellationToken: cancellationToken));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }

        _members.Clear();
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
