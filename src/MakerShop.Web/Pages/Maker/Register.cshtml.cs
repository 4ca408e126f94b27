using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Devices;
using MakerShop.Web.HttpPrinters;
using MakerShop.Web.Localization;
using MakerShop.Web.Admin;
using System.Globalization;
using MakerShop.Web.Makers;
using MakerShop.Web.Options;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
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
    AuditTrail audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Error { get; private set; }

    public string? ErrorField { get; private set; }

    /// <summary>What the maker typed, shown again when the form is refused.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; private set; } = new Dictionary<string, string>();

    public string? PrinterId { get; private set; }

    public string? ConfigJson { get; private set; }

    /// <summary>For an HTTP printer: what the shop connects to, with the key masked.</summary>
    public string? HttpSummary { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>A default value as the page's language writes it ("0,4" in French).</summary>
    public string Shown(double value) => CultureNumber.Format(value, CultureInfo.CurrentCulture);

    public async Task<IActionResult> OnPostAsync(
        string? id, string? name, string? x, string? y, string? z, string? nozzle, string? material, string? colour,
        bool enclosed, bool hardenedNozzle, bool autoEject, PrinterKind? kind, string? baseUrl, string? apiKey, CancellationToken cancellationToken,
        string? bambuSerial = null, string? bambuAddress = null, string? accessCode = null)
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
                throw new DomainValidationException("kind", "Choose firmware-bridge, OctoPrint, Moonraker or PrusaLink.");
            }

            var size = new Size3(Number(x, "buildVolume", 10, 2000), Number(y, "buildVolume", 10, 2000), Number(z, "buildVolume", 10, 2000));
            var registration = new PrinterRegistration(id ?? "", name ?? "", printerKind, size, Number(nozzle, "nozzleDiameter", 0.1, 2), material ?? "", colour ?? "", maker.CountryCode, autoEject)
            {
                Equipment = new PrinterEquipment(maker.Id, enclosed, hardenedNozzle),
            };
            if (printerKind == PrinterKind.BambuLan)
            {
                var serial = BambuAccessCode.CheckSerial(bambuSerial);
                var address = BambuAccessCode.Address(bambuAddress);
                var code = BambuAccessCode.CheckCode(accessCode);
                await httpPrinters.RegisterBambuAsync(registration, address, code, serial, cancellationToken: cancellationToken);
                await audit.RecordAsync(HttpContext, "PrinterRegistered", registration.Id, string.Create(CultureInfo.InvariantCulture, $"Bambu Lab {serial} at {address.Host}, {name}, {size.X}x{size.Y}x{size.Z} mm, {material} {colour}"));
                PrinterId = registration.Id;
                HttpSummary = text["Mkr.Register.DrivesBambu", serial, address.Host, BambuAccessCode.Masked(code)];
                return Page();
            }

            if (printerKind != PrinterKind.FirmwareBridge)
            {
                var url = HttpPrinterAddress.Parse(baseUrl);
                var key = HttpPrinterAddress.CheckApiKey(printerKind, apiKey);
                await httpPrinters.RegisterAsync(registration, url, key, cancellationToken);
                await audit.RecordAsync(HttpContext, "PrinterRegistered", registration.Id, string.Create(CultureInfo.InvariantCulture, $"{printerKind} at {url}, {name}, {size.X}x{size.Y}x{size.Z} mm, {material} {colour}"));
                PrinterId = registration.Id;
                HttpSummary = text["Mkr.Register.Drives", url, HttpPrinterAddress.Masked(key)];
                return Page();
            }

            // A new printer only: an id that is taken, by anyone, is refused on the id field and never taken over.
            var credentials = await registry.RegisterNewAsync(registration, cancellationToken);
            await audit.RecordAsync(HttpContext, "PrinterRegistered", credentials.PrinterId, string.Create(CultureInfo.InvariantCulture, $"{name}, {size.X}x{size.Y}x{size.Z} mm, nozzle {registration.NozzleDiameter} mm, {material} {colour}"));
            PrinterId = credentials.PrinterId;
            ConfigJson = BridgeConfigFile.For(credentials, broker.Value.Host, broker.Value.Port, autoEject);
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (DomainException ex)
        {
            Error = ProblemText.For(text, "Register", ex);
            ErrorField = (ex as DomainValidationException)?.Field;
            Typed = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["id"] = id ?? "", ["name"] = name ?? "", ["x"] = x ?? "", ["y"] = y ?? "", ["z"] = z ?? "", ["nozzle"] = nozzle ?? "",
                ["material"] = material ?? "", ["colour"] = colour ?? "", ["kind"] = (kind ?? PrinterKind.FirmwareBridge).ToString(), ["baseUrl"] = baseUrl ?? "",
                ["bambuSerial"] = bambuSerial ?? "", ["bambuAddress"] = bambuAddress ?? "",
                ["enclosed"] = enclosed ? "true" : "", ["hardenedNozzle"] = hardenedNozzle ? "true" : "", ["autoEject"] = autoEject ? "true" : "",
            };
            return Page();
        }
    }

    /// <summary>A number as typed in the page's language, "0,4" or "0.4", within what a desktop printer has; anything else names its field.</summary>
    private static double Number(string? typed, string field, double min, double max)
    {
        var value = FormNumber.Optional(typed, field) ?? throw new DomainValidationException(field, "Give a number.");
        return value >= min && value <= max
            ? value
            : throw new DomainValidationException(field, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min}–{max} mm."));
    }
}
