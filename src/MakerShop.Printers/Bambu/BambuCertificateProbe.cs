using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MakerShop.Printers.Bambu;

/// <summary>
/// Reads the certificate a Bambu Lab printer's MQTT broker presents, to pin it at registration: a TLS handshake to
/// its port 8883 with the serial as the server name, accepted only when the certificate is named by that serial (a
/// Bambu printer's is), so a wrong serial or another device at the address is refused before anything is stored.
/// </summary>
public static class BambuCertificateProbe
{
    /// <summary>The certificate's SHA-256 fingerprint (upper-case hex), or the reason in words why there is none.</summary>
    public static async Task<(string? Sha256, string? Refusal)> ReadAsync(string host, int port, string serial, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(serial);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        X509Certificate2? presented = null;
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port, limit.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = serial,
                    // Only reads what is presented, to compare its name below; nothing is sent over this connection.
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        presented = certificate is null ? null : new X509Certificate2(certificate);
                        return certificate is not null;
                    },
                },
                limit.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or System.Security.Authentication.AuthenticationException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (presented is null)
            {
                return (null, ex is OperationCanceledException ? $"the printer at {host} did not answer on port {port} in time" : $"the shop could not open a TLS connection to {host}:{port} ({ex.Message})");
            }
        }

        using (presented)
        {
            if (presented is null)
            {
                return (null, $"the printer at {host} presented no certificate");
            }

            var name = presented.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            return !string.Equals(name, serial, StringComparison.OrdinalIgnoreCase)
                ? (null, $"the device at {host} is named '{name}', not the serial {serial}; check the serial on the printer's screen (Settings → Device)")
                : (Convert.ToHexString(presented.GetCertHash(HashAlgorithmName.SHA256)), null);
        }
    }
}
