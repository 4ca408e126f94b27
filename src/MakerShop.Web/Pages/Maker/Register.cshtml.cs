using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Makers;
using MakerShop.Web.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Maker;

/// <summary>
/// A maker registers a printer of their own: a firmware-bridge printer gets its credentials once, as a config file; an
/// OctoPrint or Moonraker printer is reached by the shop at the address and with the API key the maker gives.
/// </summary>
public sealed class RegisterModel(
    PrinterRegistry registry,
    MakerHttpPrinters httpPrinters,
    MakerStore makers,
    IOptions<MqttBrokerOptions> broker,
    AuditTrail audit) : PageModel
{
    public string? Error { get; private set; }

    public string? PrinterId { get; private set; }

    public string? ConfigJson { get; private set; }

    /// <summary>For an HTTP printer: what the shop connects to, with the key masked.</summary>
    public string? HttpSummary { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(
        string? id, string? name, double x, double y, double z, double nozzle, string? material, string? colour,
        bool enclosed, bool hardenedNozzle, bool autoEject, PrinterKind? kind, string? baseUrl, string? apiKey, CancellationToken cancellationToken)
    {
        var makerId = ShopClaims.MakerIdOf(User);
        var maker = (await makers.ListAsync(cancellationToken)).FirstOrDefault(m => m.Id == makerId);
        if (maker is null)
        {
            return NotFound();
        }

        try
        {
            var printerKind = kind ?? PrinterKind.FirmwareBridge;
            if (!Enum.IsDefined(printerKind))
            {
                throw new DomainValidationException("kind", "Choose firmware-bridge, OctoPrint or Moonraker.");
            }

            var registration = new PrinterRegistration(id ?? "", name ?? "", printerKind, new Size3(x, y, z), nozzle, material ?? "", colour ?? "", maker.CountryCode, autoEject)
            {
                Equipment = new PrinterEquipment(maker.Id, enclosed, hardenedNozzle),
            };
            if (printerKind != PrinterKind.FirmwareBridge)
            {
                var url = HttpPrinterAddress.Parse(baseUrl);
                var key = HttpPrinterAddress.CheckApiKey(printerKind, apiKey);
                await httpPrinters.RegisterAsync(registration, url, key, cancellationToken);
                await audit.RecordAsync(HttpContext, "PrinterRegistered", registration.Id, $"{printerKind} at {url}, {name}, {x}x{y}x{z} mm, {material} {colour}");
                PrinterId = registration.Id;
                HttpSummary = $"The shop drives it at {url} with the API key {HttpPrinterAddress.Masked(key)}.";
                return Page();
            }

            // A new printer only: an id that is taken, by anyone, is refused on the id field and never taken over.
            var credentials = await registry.RegisterNewAsync(registration, cancellationToken);
            await audit.RecordAsync(HttpContext, "PrinterRegistered", credentials.PrinterId, $"{name}, {x}x{y}x{z} mm, {material} {colour}");
            PrinterId = credentials.PrinterId;
            ConfigJson = BridgeConfigFile.For(credentials, broker.Value.Host, broker.Value.Port, autoEject);
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            return Page();
        }
    }
}
