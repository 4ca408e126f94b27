namespace MakerShop.Storage.Stores;

/// <summary>
/// How the shop reaches a printer a maker registered: its address and API key (for a Bambu Lab printer, its access
/// code), and for a Bambu Lab printer its serial, pinned certificate fingerprint and FTPS port.
/// </summary>
public sealed record HttpPrinterLink(string PrinterId, Uri BaseUrl, string ApiKey)
{
    public string? BambuSerial { get; init; }

    public string? BambuCertificateSha256 { get; init; }

    public int? BambuFtpsPort { get; init; }
}
