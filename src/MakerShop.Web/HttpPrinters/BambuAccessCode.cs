using MakerShop.Core;

namespace MakerShop.Web.HttpPrinters;

/// <summary>Checks what a maker types for a Bambu Lab printer: its serial, its IP address and its LAN access code.</summary>
public static class BambuAccessCode
{
    public static bool IsSerial(string? serial) =>
        serial is { Length: >= 8 and <= 32 } && serial.All(char.IsAsciiLetterOrDigit);

    public static string CheckSerial(string? serial)
    {
        var value = serial?.Trim().ToUpperInvariant() ?? "";
        return IsSerial(value)
            ? value
            : throw new DomainValidationException("bambuSerial", "Give the printer's serial number as its screen shows it (Settings → Device), e.g. 01P00A123456789.");
    }

    /// <summary>The access code the printer shows in LAN mode (Settings → Network / WLAN): 8 characters, usually digits.</summary>
    public static string CheckCode(string? code)
    {
        var value = code?.Trim() ?? "";
        return value.Length is >= 6 and <= 32 && value.All(char.IsAsciiLetterOrDigit)
            ? value
            : throw new DomainValidationException("accessCode", "Give the access code the printer shows in LAN mode (Settings → Network), 8 characters.");
    }

    /// <summary>"192.168.1.40" or "192.168.1.40:8883" (host names too) as the MQTT address the shop connects to.</summary>
    public static Uri Address(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0 || text.Contains('/', StringComparison.Ordinal) || text.Contains('@', StringComparison.Ordinal)
            || !Uri.TryCreate("mqtts://" + text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host) || url.AbsolutePath != "/")
        {
            throw new DomainValidationException("bambuAddress", "Give the printer's IP address as its screen shows it (Settings → Network), e.g. 192.168.1.40.");
        }

        return new Uri($"mqtts://{url.Host}:{(url.Port > 0 ? url.Port : Printers.Bambu.BambuPrinterIdentity.MqttPort)}/");
    }

    /// <summary>What a page may show of an access code: its last two characters.</summary>
    public static string Masked(string code) => string.IsNullOrEmpty(code) || code.Length < 6 ? "…" : "…" + code[^2..];
}
