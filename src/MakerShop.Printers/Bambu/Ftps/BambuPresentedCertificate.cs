using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>
/// The certificate a printer presents on its FTPS port, read at registration so it can be pinned: its SHA-256
/// fingerprint (upper-case hex, no separators, as <see cref="BambuFtpsTarget.CertificateSha256"/> wants it) and the
/// name it carries (a Bambu printer's is its serial).
/// </summary>
public sealed record BambuPresentedCertificate(string Sha256, string Name, DateTimeOffset NotAfter)
{
    /// <summary>True when the certificate carries <paramref name="serial"/> as its name, as every Bambu printer's does.</summary>
    public bool Names(string serial) => string.Equals(Name, serial, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the certificate presented at <paramref name="host"/>:<paramref name="port"/>. The handshake is refused
    /// once the certificate is read, so nothing is ever sent to a server that has not been trusted yet.
    /// </summary>
    public static async Task<BambuPresentedCertificate> FetchAsync(
        string host, int port, string serial, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentException.ThrowIfNullOrWhiteSpace(serial);
        BambuPresentedCertificate? seen = null;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var tcp = new TcpClient { NoDelay = true };
        try
        {
            await tcp.ConnectAsync(host, port, deadline.Token);
            await using var tls = new SslStream(tcp.GetStream());
            await tls.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = serial,
                    RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    {
                        if (certificate is not null)
                        {
                            using var presented = new X509Certificate2(certificate);
                            seen = new BambuPresentedCertificate(
                                BambuCertificateCheck.Sha256Of(presented),
                                presented.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                                presented.NotAfter.ToUniversalTime());
                        }

                        return false;
                    },
                },
                deadline.Token);
        }
        catch (AuthenticationException) when (seen is not null)
        {
            return seen;
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new BambuTransferException(
                $"Could not read the certificate of the printer at {host}:{port}: {e.Message} Check that it is on, in LAN mode and at this address.",
                retryable: true,
                e);
        }

        throw new BambuTransferException($"The printer at {host}:{port} presented no certificate.", retryable: false);
    }
}
