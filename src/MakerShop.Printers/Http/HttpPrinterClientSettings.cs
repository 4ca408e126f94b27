namespace MakerShop.Printers.Http;

/// <summary>Timeouts for talking to HTTP printers; <see cref="StatusRetries"/> applies to reads only.</summary>
public sealed record HttpPrinterClientSettings(TimeSpan RequestTimeout, TimeSpan TransferTimeout, int StatusRetries);
