using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.VirtualHttpPrinters.Bambu;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Printers.Tests.Support.Bambu;

/// <summary>
/// A fake Bambu Lab printer on a loopback TLS port and the shop's protocol talking to it over real MQTT. The printer's
/// prints and the shop's waits each run on their own fake clock, which the test moves.
/// </summary>
internal sealed class BambuRig : IAsyncDisposable
{
    private BambuRig(FakeBambuPrinter printer, string storage, FakeTimeProvider printerClock, FakeTimeProvider sessionClock, BambuLanOptions options)
    {
        Printer = printer;
        Storage = storage;
        PrinterClock = printerClock;
        SessionClock = sessionClock;
        Options = options;
        Transfer = new DirectoryBambuFileTransfer(storage, () => printer.AccessCode, () => printer.CertificateSha256);
        Sessions = new BambuSessions(options, sessionClock, NullLoggerFactory.Instance);
        Protocol = new BambuLanProtocol(Sessions, Transfer, new TestBambuJobPackager(), options, sessionClock, NullLogger<BambuLanProtocol>.Instance);
        Endpoint = EndpointFor(printer, printer.AccessCode, printer.CertificateSha256);
    }

    public FakeBambuPrinter Printer { get; }

    public string Storage { get; }

    public FakeTimeProvider PrinterClock { get; }

    public FakeTimeProvider SessionClock { get; }

    public BambuLanOptions Options { get; }

    public DirectoryBambuFileTransfer Transfer { get; }

    public BambuSessions Sessions { get; }

    public BambuLanProtocol Protocol { get; }

    public HttpPrinterEndpoint Endpoint { get; set; }

    public static async Task<BambuRig> StartAsync(Action<FakeBambuPrinterOptions>? configure = null)
    {
        var storage = Directory.CreateTempSubdirectory("makershop-bambu-").FullName;
        var options = new FakeBambuPrinterOptions { Serial = "01P00A" + Random.Shared.Next(100000000, 999999999), AccessCode = "87654321", StorageDirectory = storage, PrintDuration = TimeSpan.FromMinutes(10) };
        configure?.Invoke(options);
        var printerClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var printer = new FakeBambuPrinter(options, printerClock);
        await printer.StartAsync();
        var sessionOptions = new BambuLanOptions { FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(4), StartConfirmation = TimeSpan.FromSeconds(30) };
        return new BambuRig(printer, storage, printerClock, new FakeTimeProvider(DateTimeOffset.UtcNow), sessionOptions);
    }

    public static HttpPrinterEndpoint EndpointFor(FakeBambuPrinter printer, string accessCode, string fingerprint) =>
        new("bambu-test", PrinterKind.BambuLan, new Uri($"mqtts://127.0.0.1:{printer.Port}/"), accessCode, new DeviceCredentials("bambu-test", "secret"), AutoEject: false)
        {
            Bambu = new BambuPrinterIdentity(printer.Serial, fingerprint),
        };

    /// <summary>Observes until <paramref name="condition"/> holds, moving the shop's clock a second at a time so reconnect pauses pass.</summary>
    public async Task<HttpPrinterObservation> ObserveUntilAsync(Func<HttpPrinterObservation, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Await.Timeout;
        while (true)
        {
            var seen = await Protocol.ObserveAsync(Endpoint);
            if (condition(seen))
            {
                return seen;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}; last seen: {seen.Link} {seen.Machine} {seen.Reason}");
            }

            SessionClock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sessions.DisposeAsync();
        await Printer.DisposeAsync();
        Directory.Delete(Storage, recursive: true);
    }
}
