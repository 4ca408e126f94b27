namespace MakerShop.Printers.Bambu;

/// <summary>
/// Where a Bambu Lab printer's FTPS server is (implicit TLS, user <c>bblp</c>, the access code as password) and which
/// certificate it must present: its SHA-256 fingerprint as pinned at registration (upper-case hex, no separators), or
/// null to validate against the Bambu CA chain with the serial as the expected name.
/// </summary>
public sealed record BambuFtpsTarget(string Host, int Port, string Serial, string AccessCode, string? CertificateSha256)
{
    public const int DefaultPort = 990;

    public override string ToString() => $"BambuFtpsTarget {{ Host = {Host}, Port = {Port}, Serial = {Serial} }}";
}
