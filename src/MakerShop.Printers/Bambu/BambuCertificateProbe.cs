using MakerShop.Printers.Bambu.Ftps;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// Reads the certificate a Bambu Lab printer presents on its MQTT port, to pin it at registration. The handshake is
/// <see cref="BambuPresentedCertificate"/>'s (the same printer presents the same certificate on 8883 and 990); this
/// adds the registration's rule: only a certificate named by the serial is accepted (a Bambu printer's is), so a wrong
/// serial or another device at the address is refused before anything is stored.
/// </summary>
public static class BambuCertificateProbe
{
    /// <summary>The certificate's SHA-256 fingerprint (upper-case hex), or the reason in words why there is none.</summary>
    public static async Task<(string? Sha256, string? Refusal)> ReadAsync(string host, int port, string serial, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(serial);
        BambuPresentedCertificate presented;
        try
        {
            presented = await BambuPresentedCertificate.FetchAsync(host, port, serial, timeout, cancellationToken);
        }
        catch (BambuTransferException ex)
        {
            return (null, ex.Retryable
                ? $"the shop could not read the certificate of the printer at {host}:{port}; check that it is on, in LAN mode and at this address"
                : $"the printer at {host} presented no certificate");
        }

        return presented.Names(serial)
            ? (presented.Sha256, null)
            : (null, $"the device at {host} is named '{presented.Name}', not the serial {serial}; check the serial on the printer's screen (Settings → Device)");
    }
}
