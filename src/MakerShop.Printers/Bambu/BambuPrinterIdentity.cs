namespace MakerShop.Printers.Bambu;

/// <summary>
/// What a Bambu Lab printer in LAN mode needs beside its address and access code: its serial (the MQTT topics and the
/// certificate's name), the SHA-256 fingerprint of the certificate it presented at registration (upper-case hex, no
/// separators), and the port of its FTPS server.
/// </summary>
public sealed record BambuPrinterIdentity(string Serial, string CertificateSha256, int FtpsPort = BambuFtpsTarget.DefaultPort)
{
    public const int MqttPort = 8883;
}
