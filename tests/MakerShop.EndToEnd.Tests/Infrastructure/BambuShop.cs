using MakerShop.Core;
using MakerShop.Printers.Bambu;
using MakerShop.VirtualHttpPrinters.Bambu;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real shop with one fake Bambu Lab printer on loopback: its TLS MQTT broker, and its FTPS server presenting the same
/// certificate, into whose storage the shop's own FTPS client uploads the 3MF the shop's packager made.
/// </summary>
public sealed class BambuShop : IAsyncDisposable
{
    public const string PrinterId = "e2e-bambu";

    private readonly FakeBambuFtpsServer _ftps;

    private BambuShop(TestShop shop, FakeBambuPrinter printer, FakeBambuFtpsServer ftps, string storage)
    {
        Shop = shop;
        Printer = printer;
        _ftps = ftps;
        Storage = storage;
    }

    public TestShop Shop { get; }

    public FakeBambuPrinter Printer { get; }

    public string Storage { get; }

    /// <summary>The printer's FTPS server, to cut an upload half-way.</summary>
    public FakeBambuFtpsServer Ftps => _ftps;

    public static async Task<BambuShop> StartAsync(Action<FakeBambuPrinterOptions>? configure = null)
    {
        var storage = Directory.CreateTempSubdirectory("makershop-e2e-bambu-").FullName;
        var options = new FakeBambuPrinterOptions
        {
            Serial = "01P00A" + Random.Shared.Next(100000000, 999999999),
            AccessCode = "24681357",
            StorageDirectory = storage,
            PrintDuration = TimeSpan.FromMinutes(10),
            TimeScale = 300,
        };
        configure?.Invoke(options);
        var printer = new FakeBambuPrinter(options, TimeProvider.System);
        await printer.StartAsync();
        var ftps = new FakeBambuFtpsServer(printer.Certificate, printer.AccessCode, storage);
        ftps.Start();
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:HttpPrinters:MakerAddressPolicy=Any", "--MakerShop:HttpPrinters:PollIntervalSeconds=0.5"],
        };
        var shop = await TestShop.StartAsync(settings, services =>
        {
            services.AddSingleton(new BambuLanOptions { StartConfirmation = TimeSpan.FromSeconds(5), FirstRetry = TimeSpan.FromMilliseconds(200), LongestRetry = TimeSpan.FromSeconds(2) });
        });
        return new BambuShop(shop, printer, ftps, storage);
    }

    /// <summary>The owner's printer, as configuration would list it: the fingerprint given is pinned.</summary>
    public Task ProvisionAsync(string colour = "black", bool autoEject = true, string? accessCode = null) =>
        Shop.Services.GetRequiredService<HttpPrinterProvisioner>().ProvisionAsync(
            new HttpPrinterDefinition
            {
                Id = PrinterId,
                Name = "E2E Bambu Lab P1S",
                Kind = PrinterKind.BambuLan,
                BaseUrl = new Uri($"mqtts://127.0.0.1:{Printer.Port}/"),
                ApiKeyRef = PrinterId,
                BambuSerial = Printer.Serial,
                BambuCertificateSha256 = Printer.CertificateSha256,
                BambuFtpsPort = _ftps.Port,
                BuildX = 256,
                BuildY = 256,
                BuildZ = 256,
                LoadedMaterial = "PLA",
                LoadedColour = colour,
                AutoEject = autoEject,
            },
            accessCode ?? Printer.AccessCode);

    /// <summary>A maker registers the printer as from /maker/register: its certificate is read and pinned now.</summary>
    public async Task RegisterForMakerAsync(string maker, string id, string accessCode, string colour = "black")
    {
        await MakerShop.EndToEnd.Tests.Browser.MakerSession.AddMakerAsync(Shop, maker, "FR", $"{maker}@makers.example");
        await Shop.Services.GetRequiredService<MakerHttpPrinters>().RegisterBambuAsync(
            new PrinterRegistration(id, $"{maker}'s P1S", PrinterKind.BambuLan, new Size3(256, 256, 256), 0.4, "PLA", colour, "FR", AutoEject: true)
            {
                Equipment = new PrinterEquipment(maker, Enclosed: true, HardenedNozzle: false),
            },
            new Uri($"mqtts://127.0.0.1:{Printer.Port}/"),
            accessCode,
            Printer.Serial,
            _ftps.Port);
    }

    /// <summary>The printer presents a new certificate on both its MQTT and its FTPS port, as after a board swap.</summary>
    public async Task ReplaceCertificateAsync()
    {
        await Printer.ReplaceCertificateAsync();
        _ftps.ReplaceCertificate(Printer.Certificate);
    }

    public Task<string?> PrinterStatusAsync(string id = PrinterId) => Shop.TextAsync($"SELECT status || '|' || COALESCE(status_reason, '') FROM printers WHERE id = '{id}'");

    public Task WaitForPrinterAsync(Func<string?, bool> condition, string what, string id = PrinterId) =>
        Eventually.UntilAsync(
            async () => condition(await PrinterStatusAsync(id)),
            TimeSpan.FromSeconds(60),
            async () => $"printer {id}: {what}; it is {await PrinterStatusAsync(id)}");

    public async ValueTask DisposeAsync()
    {
        await Shop.DisposeAsync();
        await _ftps.DisposeAsync();
        await Printer.DisposeAsync();
        Directory.Delete(Storage, recursive: true);
    }
}
