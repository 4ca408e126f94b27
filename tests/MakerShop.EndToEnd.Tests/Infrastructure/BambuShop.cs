using MakerShop.Core;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Tests.Support.Bambu;
using MakerShop.VirtualHttpPrinters.Bambu;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real shop with one fake Bambu Lab printer on a loopback TLS port. Files reach the printer's storage through the
/// test-only directory transfer (the stand-in for the FTPS client until that branch is merged).
/// </summary>
public sealed class BambuShop : IAsyncDisposable
{
    public const string PrinterId = "e2e-bambu";

    private BambuShop(TestShop shop, FakeBambuPrinter printer, string storage)
    {
        Shop = shop;
        Printer = printer;
        Storage = storage;
    }

    public TestShop Shop { get; }

    public FakeBambuPrinter Printer { get; }

    public string Storage { get; }

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
        var transfer = new DirectoryBambuFileTransfer(storage, () => printer.AccessCode, () => printer.CertificateSha256);
        var settings = TestShopSettings.CreateTemporary() with
        {
            ExtraArgs = ["--MakerShop:HttpPrinters:MakerAddressPolicy=Any", "--MakerShop:HttpPrinters:PollIntervalSeconds=0.5"],
        };
        var shop = await TestShop.StartAsync(settings, services =>
        {
            services.AddSingleton<IBambuFileTransfer>(transfer);
            services.AddSingleton<IBambuJobPackager>(new TestBambuJobPackager());
            services.AddSingleton(new BambuLanOptions { StartConfirmation = TimeSpan.FromSeconds(5), FirstRetry = TimeSpan.FromMilliseconds(200), LongestRetry = TimeSpan.FromSeconds(2) });
        });
        return new BambuShop(shop, printer, storage);
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
            Printer.Serial);
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
        await Printer.DisposeAsync();
        Directory.Delete(Storage, recursive: true);
    }
}
