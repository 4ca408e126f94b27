using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Bambu.Ftps;
using MakerShop.Printers.Http;
using MakerShop.VirtualHttpPrinters.Bambu;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MakerShop.Printers.Tests.Support.Bambu;

/// <summary>
/// A fake Bambu Lab printer on loopback (its TLS MQTT broker and its FTPS server, one certificate) and the shop's
/// protocol talking to it over real MQTT, uploading with the shop's FTPS client and 3MF packager. The printer's
/// prints and the shop's waits each run on their own fake clock, which the test moves.
/// </summary>
internal sealed class BambuRig : IAsyncDisposable
{
    private readonly FakeBambuFtpsServer _ftps;

    private BambuRig(FakeBambuPrinter printer, FakeBambuFtpsServer ftps, string storage, FakeTimeProvider printerClock, FakeTimeProvider sessionClock, BambuLanOptions options)
    {
        _ftps = ftps;
        Printer = printer;
        Storage = storage;
        PrinterClock = printerClock;
        SessionClock = sessionClock;
        Options = options;
        Transfer = new BambuFtpsClient(Microsoft.Extensions.Options.Options.Create(new BambuFtpsOptions()), NullLogger<BambuFtpsClient>.Instance);
        Sessions = new BambuSessions(options, sessionClock, NullLoggerFactory.Instance);
        Protocol = new BambuLanProtocol(Sessions, Transfer, new BambuProjectPackager(), options, sessionClock, NullLogger<BambuLanProtocol>.Instance);
        Endpoint = EndpointFor(printer, printer.AccessCode, printer.CertificateSha256, ftps.Port);
    }

    public FakeBambuPrinter Printer { get; }

    public string Storage { get; }

    public FakeTimeProvider PrinterClock { get; }

    public FakeTimeProvider SessionClock { get; }

    public BambuLanOptions Options { get; }

    public IBambuFileTransfer Transfer { get; }

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
        var ftps = new FakeBambuFtpsServer(printer.Certificate, printer.AccessCode, storage);
        ftps.Start();
        var sessionOptions = new BambuLanOptions { FirstRetry = TimeSpan.FromSeconds(1), LongestRetry = TimeSpan.FromSeconds(4), StartConfirmation = TimeSpan.FromSeconds(30) };
        return new BambuRig(printer, ftps, storage, printerClock, new FakeTimeProvider(DateTimeOffset.UtcNow), sessionOptions);
    }

    public HttpPrinterEndpoint EndpointFor(string accessCode, string fingerprint) => EndpointFor(Printer, accessCode, fingerprint, _ftps.Port);

    public static HttpPrinterEndpoint EndpointFor(FakeBambuPrinter printer, string accessCode, string fingerprint, int ftpsPort) =>
        new("bambu-test", PrinterKind.BambuLan, new Uri($"mqtts://127.0.0.1:{printer.Port}/"), accessCode, new DeviceCredentials("bambu-test", "secret"), AutoEject: false)
        {
            Bambu = new BambuPrinterIdentity(printer.Serial, fingerprint, ftpsPort),
        };

    /// <summary>Observes until <paramref name="condition"/> holds, moving the shop's clock 200 ms at a time so reconnect pauses pass.</summary>
    public Task<HttpPrinterObservation> ObserveUntilAsync(Func<HttpPrinterObservation, bool> condition, string what) =>
        ObserveWithAsync(Protocol, condition, what);

    /// <summary>As <see cref="ObserveUntilAsync"/>, through another protocol instance (one built with its own address policy).</summary>
    public async Task<HttpPrinterObservation> ObserveWithAsync(BambuLanProtocol protocol, Func<HttpPrinterObservation, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Await.Timeout;
        while (true)
        {
            var seen = await protocol.ObserveAsync(Endpoint);
            if (condition(seen))
            {
                return seen;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}; last seen: {seen.Link} {seen.Machine} {seen.Reason}");
            }

            // The session's pauses run on the fake clock; the printer's answers come over a real socket, so the loop
            // also gives them a moment of wall time between looks (a poll interval, not a wait for a duration).
            SessionClock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sessions.DisposeAsync();
        await _ftps.DisposeAsync();
        await Printer.DisposeAsync();
        Directory.Delete(Storage, recursive: true);
    }
}
