using MakerShop.Core;

namespace MakerShop.Web.HttpPrinters;

/// <summary>Checks the address and key a maker types for an OctoPrint, Moonraker or PrusaLink printer.</summary>
public static class HttpPrinterAddress
{
    /// <summary>An absolute http(s) address without credentials, query or fragment; the path is kept (a printer behind a proxy prefix).</summary>
    public static Uri Parse(string? text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
        {
            throw new DomainValidationException("baseUrl", "The printer's address must be an absolute http:// or https:// URL, e.g. http://192.168.1.20 or http://octopi.local:5000.");
        }

        if (!string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Query) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw new DomainValidationException("baseUrl", "The printer's address must not carry a user name, password, query or fragment; the API key goes in its own field.");
        }

        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }

    /// <summary>OctoPrint always needs its API key and PrusaLink its password; Moonraker a key only when it does not trust the shop's address.</summary>
    public static string CheckApiKey(PrinterKind kind, string? apiKey)
    {
        var key = apiKey?.Trim() ?? "";
        if (kind == PrinterKind.OctoPrint && key.Length == 0)
        {
            throw new DomainValidationException("apiKey", "OctoPrint needs its API key (Settings → API, or an application key).");
        }

        if (kind == PrinterKind.PrusaLink && key.Length == 0)
        {
            // Buddy takes the same secret as X-Api-Key and as the Digest password of user "maker".
            throw new DomainValidationException("apiKey", "PrusaLink needs its password (on the printer: Settings → Network → PrusaLink).");
        }

        if (key.Length > 200 || key.Any(char.IsWhiteSpace))
        {
            throw new DomainValidationException("apiKey", "The API key must be at most 200 characters without spaces.");
        }

        return key;
    }

    /// <summary>What a page may show of a key: its last four characters.</summary>
    public static string Masked(string apiKey) =>
        string.IsNullOrEmpty(apiKey) ? "(none)" : apiKey.Length < 12 ? "…" : "…" + apiKey[^4..];
}
