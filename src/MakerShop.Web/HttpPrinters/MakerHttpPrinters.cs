using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Printers.Bambu;
using MakerShop.Printers.Http;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Devices;

namespace MakerShop.Web.HttpPrinters;

/// <summary>
/// OctoPrint, Moonraker and PrusaLink printers that makers register from the maker area. They are stored (printer, address and
/// key in one transaction) and handed to the directory at once, so the poller drives them from its next pass; at start
/// they are loaded again beside the ones from configuration.
/// </summary>
public sealed class MakerHttpPrinters(
    SqliteConnectionFactory connections,
    PrinterStore printerStore,
    HttpPrinterLinkStore links,
    DeviceSecretStore secrets,
    HttpPrinterDirectory directory,
    MakerPrinterAddressGuard addressGuard,
    ReservedPrinterIds reserved,
    TimeProvider time,
    ILogger<MakerHttpPrinters> logger) : IHostedService
{
    /// <summary>
    /// A Bambu Lab printer in LAN mode: its MQTT broker's certificate is read now, must be named by the serial, and is
    /// pinned; the access code is stored like an API key.
    /// </summary>
    public async Task RegisterBambuAsync(PrinterRegistration registration, Uri address, string accessCode, string serial, int ftpsPort = BambuFtpsTarget.DefaultPort, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        await addressGuard.CheckAsync(address, cancellationToken);
        var (fingerprint, refusal) = await BambuCertificateProbe.ReadAsync(address.Host, address.Port, serial, TimeSpan.FromSeconds(10), cancellationToken);
        if (fingerprint is null)
        {
            throw new DomainValidationException("bambuAddress", $"The shop cannot register this printer: {refusal}.");
        }

        await RegisterLinkAsync(registration, address, accessCode, new BambuPrinterIdentity(serial, fingerprint, ftpsPort), cancellationToken);
    }

    public Task RegisterAsync(PrinterRegistration registration, Uri baseUrl, string apiKey, CancellationToken cancellationToken = default) =>
        RegisterLinkAsync(registration, baseUrl, apiKey, null, cancellationToken);

    private async Task RegisterLinkAsync(PrinterRegistration registration, Uri baseUrl, string apiKey, BambuPrinterIdentity? bambu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (registration.Kind is not (PrinterKind.OctoPrint or PrinterKind.Moonraker or PrinterKind.PrusaLink) && !(registration.Kind == PrinterKind.BambuLan && bambu is not null))
        {
            throw new DomainValidationException("kind", "An HTTP printer is OctoPrint, Moonraker or PrusaLink.");
        }

        // Its device secret logs in to the broker like a bridge's, so the shop's own ids are refused here too.
        reserved.EnsureAllowed(registration.Id);
        await addressGuard.CheckAsync(baseUrl, cancellationToken);
        var now = time.GetUtcNow();
        var printer = Printer.Register(
            registration.Id, registration.Name, registration.Kind, registration.BuildVolume, registration.NozzleDiameter,
            registration.LoadedMaterial, registration.LoadedColour, registration.CountryCode, registration.AutoEject, now, registration.Equipment);
        // The connector's own device credentials (to fetch job G-code from the shop) live only in this host's memory.
        var credentials = new DeviceCredentials(printer.Id, DeviceSecrets.NewSecret());
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            // A plain insert: an id taken by another maker, even a moment ago, is refused and their printer left as it is.
            await PrinterStore.InsertAsync(session, printer, DeviceSecrets.Hash(credentials.Secret), cancellationToken);
            await HttpPrinterLinkStore.InsertAsync(session, new HttpPrinterLink(printer.Id, baseUrl, apiKey) { BambuSerial = bambu?.Serial, BambuCertificateSha256 = bambu?.CertificateSha256, BambuFtpsPort = bambu?.FtpsPort }, now, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }

        directory.Put(new HttpPrinterEndpoint(printer.Id, printer.Kind, baseUrl, apiKey, credentials, printer.AutoEject) { Bambu = bambu });
        logger.LogInformation("Maker {MakerId} registered HTTP printer {PrinterId} ({Kind}) at {BaseUrl}", printer.MakerId, printer.Id, printer.Kind, baseUrl);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var printers = (await printerStore.ListWithTelemetryAsync(cancellationToken)).ToDictionary(v => v.Printer.Id, v => v.Printer, StringComparer.Ordinal);
        foreach (var link in await links.ListAsync(cancellationToken))
        {
            if (!printers.TryGetValue(link.PrinterId, out var printer))
            {
                continue;
            }

            var credentials = new DeviceCredentials(printer.Id, DeviceSecrets.NewSecret());
            await secrets.ReplaceAsync(printer.Id, DeviceSecrets.Hash(credentials.Secret), time.GetUtcNow(), cancellationToken);
            var bambu = link.BambuSerial is { } serial && link.BambuCertificateSha256 is { } pinned
                ? new BambuPrinterIdentity(serial, pinned, link.BambuFtpsPort ?? BambuFtpsTarget.DefaultPort)
                : null;
            directory.Put(new HttpPrinterEndpoint(printer.Id, printer.Kind, link.BaseUrl, link.ApiKey, credentials, printer.AutoEject) { Bambu = bambu });
            logger.LogInformation("HTTP printer {PrinterId} ({Kind}) at {BaseUrl}, registered by maker {MakerId}", printer.Id, printer.Kind, link.BaseUrl, printer.MakerId);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
