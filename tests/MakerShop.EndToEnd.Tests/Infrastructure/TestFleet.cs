using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.VirtualPrinter;
using MakerShop.Web.Demo;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>Virtual printers with their bridges, run by the test and not by the host, so they outlive a host restart.</summary>
public sealed class TestFleet : IAsyncDisposable
{
    /// <summary>60 s of simulated printing per real second at least; lines are then what limits a print.</summary>
    public const double TimeScale = 600;

    private readonly List<VirtualFleetMember> _members;

    private TestFleet(List<VirtualFleetMember> members) => _members = members;

    public IReadOnlyList<VirtualFleetMember> Members => _members;

    public static string PrinterId(int index) => $"test-printer-{index + 1}";

    /// <summary>Registers <paramref name="count"/> PLA/black printers in the shop (with the given secrets, if any) and starts them.</summary>
    public static async Task<TestFleet> StartAsync(
        TestShop shop, int count, string mqttHost, int mqttPort, IReadOnlyList<string>? secrets = null, VirtualPrinterOptions? printerOptions = null,
        FleetMemberSpec? spec = null)
    {
        spec ??= new FleetMemberSpec();
        ArgumentNullException.ThrowIfNull(shop);
        var registry = shop.Services.GetRequiredService<PrinterRegistry>();
        var members = new List<VirtualFleetMember>();
        for (var i = 0; i < count; i++)
        {
            var id = spec.IdPrefix is null ? PrinterId(i) : $"{spec.IdPrefix}-{i + 1}";
            var registration = new PrinterRegistration(id, $"Printer {id}", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, spec.Material, spec.Colour, spec.CountryCode, spec.AutoEject)
            {
                Equipment = spec.MakerId is null ? null : new PrinterEquipment(spec.MakerId, Enclosed: false, HardenedNozzle: false),
            };
            DeviceCredentials credentials = secrets is null
                ? await registry.RegisterAsync(registration)
                : await registry.RegisterAsync(registration, secrets[i]);
            members.Add(await VirtualFleetMember.StartAsync(
                credentials, mqttHost, mqttPort, TimeScale, Path.Combine(shop.Settings.DataDirectory, "bridges", credentials.PrinterId),
                TimeProvider.System, NullLoggerFactory.Instance, printerOptions: printerOptions, autoEject: spec.AutoEject));
        }

        return new TestFleet(members);
    }

    /// <summary>How the printers of one fleet are registered: whose they are, what they hold, whether they eject parts.</summary>
    public sealed record FleetMemberSpec(
        string? IdPrefix = null, string? MakerId = null, string Material = "PLA", string Colour = "black", string CountryCode = "FR", bool AutoEject = true);

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            await member.DisposeAsync();
        }
    }
}
