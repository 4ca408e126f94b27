using MakerShop.Core;
using MakerShop.Web.Devices;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.HttpPrinters;

/// <summary>Reports every bad HTTP printer entry at once, naming the setting.</summary>
public sealed class HttpPrintersOptionsValidator(ReservedPrinterIds reserved) : IValidateOptions<HttpPrintersOptions>
{
    public ValidateOptionsResult Validate(string? name, HttpPrintersOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Printers.Count; i++)
        {
            var printer = options.Printers[i];
            var at = $"{HttpPrintersOptions.SectionName}:Printers:{i}";
            if (!Printer.IsValidId(printer.Id))
            {
                failures.Add($"{at}:Id '{printer.Id}' is not a printer id (3-40 of a-z, 0-9, '-').");
            }
            else if (reserved.IsReserved(printer.Id))
            {
                failures.Add($"{at}:Id '{printer.Id}' is reserved for the shop's own identities (it starts with '{ReservedPrinterIds.ShopPrefix}' or the shop's MQTT username).");
            }
            else if (!ids.Add(printer.Id))
            {
                failures.Add($"{at}:Id '{printer.Id}' is listed twice.");
            }

            if (printer.Kind is not (PrinterKind.OctoPrint or PrinterKind.Moonraker or PrinterKind.PrusaLink or PrinterKind.BambuLan))
            {
                failures.Add($"{at}:Kind must be OctoPrint, Moonraker, PrusaLink or BambuLan.");
            }

            if (printer.Kind == PrinterKind.BambuLan)
            {
                failures.AddRange(BambuFailures(printer, at));
            }
            else if (printer.BaseUrl is not { IsAbsoluteUri: true } url || url.Scheme is not ("http" or "https"))
            {
                failures.Add($"{at}:BaseUrl must be an absolute http(s) address.");
            }

            // Moonraker answers trusted clients without a key, so only OctoPrint and PrusaLink (its password) must have one;
            // a reference given must resolve.
            var keyOptional = printer.Kind == PrinterKind.Moonraker && string.IsNullOrWhiteSpace(printer.ApiKeyRef);
            if (!keyOptional && (string.IsNullOrWhiteSpace(printer.ApiKeyRef) || !options.ApiKeys.TryGetValue(printer.ApiKeyRef, out var key) || string.IsNullOrWhiteSpace(key)))
            {
                failures.Add($"{at}:ApiKeyRef must name an entry of {HttpPrintersOptions.SectionName}:ApiKeys that holds the printer's API key.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> BambuFailures(HttpPrinterDefinition printer, string at)
    {
        if (printer.BaseUrl is not { IsAbsoluteUri: true, Scheme: "mqtts" })
        {
            yield return $"{at}:BaseUrl of a Bambu Lab printer must be mqtts://<its IP address>:8883/.";
        }

        if (!BambuAccessCode.IsSerial(printer.BambuSerial))
        {
            yield return $"{at}:BambuSerial must be the printer's serial (letters and digits).";
        }

        if (printer.BambuCertificateSha256.Length != 64 || !printer.BambuCertificateSha256.All(Uri.IsHexDigit))
        {
            yield return $"{at}:BambuCertificateSha256 must be the SHA-256 fingerprint of the printer's certificate (64 hex digits).";
        }
    }
}
