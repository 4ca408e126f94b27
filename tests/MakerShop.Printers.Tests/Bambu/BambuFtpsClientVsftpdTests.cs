using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The upload contract against Debian's vsftpd set up as the printers run it (implicit TLS, session reuse required).</summary>
public sealed class BambuFtpsClientVsftpdTests : BambuFtpsClientContract
{
    protected override async Task<IFtpsTestServer> StartServerAsync(X509Certificate2 certificate, string accessCode) =>
        await VsftpdServer.StartAsync(certificate, accessCode);
}
