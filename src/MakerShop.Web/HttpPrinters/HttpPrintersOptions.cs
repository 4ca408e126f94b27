using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.HttpPrinters;

/// <summary>Polling, timeouts and the list of HTTP printers; bound from <c>MakerShop:HttpPrinters</c>.</summary>
public sealed class HttpPrintersOptions
{
    public const string SectionName = "MakerShop:HttpPrinters";

    [Range(0.05, 300)]
    public double PollIntervalSeconds { get; set; } = 2;

    /// <summary>How long a printer may stay silent before it is shown Offline; its job is kept until it reports again.</summary>
    [Range(0.1, 3600)]
    public double OfflineAfterSeconds { get; set; } = 15;

    [Range(0.05, 120)]
    public double RequestTimeoutSeconds { get; set; } = 5;

    /// <summary>For fetching a job's G-code from the shop and uploading it to the printer.</summary>
    [Range(1, 7200)]
    public double TransferTimeoutSeconds { get; set; } = 300;

    /// <summary>Retries of a failed read (GET); commands and uploads are never retried by the HTTP client.</summary>
    [Range(0, 5)]
    public int StatusRetries { get; set; } = 2;

    /// <summary>Also listen on each Moonraker's websocket, so a change is polled at once instead of at the next tick.</summary>
    public bool MoonrakerNotifications { get; set; } = true;

    /// <summary>
    /// Which addresses makers may register printers at. Printers listed here are the owner's and always trusted;
    /// <see cref="MakerAddressPolicy.Any"/> is for tests and demos whose fake printers run on loopback.
    /// </summary>
    public MakerAddressPolicy MakerAddressPolicy { get; set; } = MakerAddressPolicy.PrivateNetworks;

    public List<HttpPrinterDefinition> Printers { get; set; } = [];

    /// <summary>API keys by reference name; set them through environment variables or a secrets file, not the shared config.</summary>
    public Dictionary<string, string> ApiKeys { get; set; } = new(StringComparer.Ordinal);
}
