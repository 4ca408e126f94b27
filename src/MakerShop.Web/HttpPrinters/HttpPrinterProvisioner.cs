using MakerShop.Core;
using MakerShop.Printers.Http;
using MakerShop.Web.Devices;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.HttpPrinters;

/// <summary>
/// Registers each configured HTTP printer in the fleet at start, with fresh device credentials that only this host's
/// connector holds (it uses them to fetch job G-code from the shop, as a bridge would), and hands it to the directory.
/// </summary>
public sealed class HttpPrinterProvisioner(
    IOptions<HttpPrintersOptions> options,
    PrinterRegistry registry,
    HttpPrinterDirectory directory,
    MakerPrinterAddressGuard addressGuard,
    ILogger<HttpPrinterProvisioner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var printer in options.Value.Printers)
        {
            // A Moonraker that trusts the shop's address needs no key (the validator lets only Moonraker leave it out).
            var apiKey = string.IsNullOrWhiteSpace(printer.ApiKeyRef) ? "" : options.Value.ApiKeys[printer.ApiKeyRef];
            await ProvisionAsync(printer, apiKey, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task ProvisionAsync(HttpPrinterDefinition printer, string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(printer);
        var credentials = await registry.RegisterAsync(
            new PrinterRegistration(printer.Id, printer.Name, printer.Kind, new Size3(printer.BuildX, printer.BuildY, printer.BuildZ),
                printer.NozzleDiameter, printer.LoadedMaterial, printer.LoadedColour, printer.CountryCode, printer.AutoEject),
            cancellationToken);
        addressGuard.Trust(printer.BaseUrl!);
        directory.Put(new HttpPrinterEndpoint(printer.Id, printer.Kind, printer.BaseUrl!, apiKey, credentials, printer.AutoEject) { Bambu = printer.BambuIdentity() });
        logger.LogInformation("HTTP printer {PrinterId} ({Kind}) at {BaseUrl}", printer.Id, printer.Kind, printer.BaseUrl);
    }
}
