using MakerShop.Core;
using MakerShop.Storage;
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
    private static readonly (string Material, string Colour, string Country)[] Loadout =
    [
        ("PLA", "black", "FR"),
        ("PLA", "white", "FR"),
        ("PETG", "orange", "DE"),
        ("PLA", "black", "US"),
    ];

    private readonly List<VirtualFleetMember> _members = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var fleet = demo.Value.Fleet;
        for (var i = 0; i < fleet.Count; i++)
        {
            var (material, colour, country) = Loadout[i % Loadout.Length];
            var id = $"demo-printer-{i + 1}";
            var credentials = await registry.RegisterAsync(
                new PrinterRegistration(id, $"Demo Marlin #{i + 1}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, material, colour, country, AutoEject: true),
                cancellationToken);
            _members.Add(await VirtualFleetMember.StartAsync(
                credentials, mqtt.Value.Host, mqtt.Value.Port, fleet.TimeScale, Path.Combine(paths.DataDirectory, "demo-bridges", id),
                timeProvider, loggerFactory, cancellationToken: cancellationToken));
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
