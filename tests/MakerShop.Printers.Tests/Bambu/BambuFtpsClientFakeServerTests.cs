using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Tests.Support;

namespace MakerShop.Printers.Tests.Bambu;

/// <summary>The upload contract against the demo's C# fake, which must answer as the printer's vsftpd does.</summary>
public sealed class BambuFtpsClientFakeServerTests : BambuFtpsClientContract
{
    protected override Task<IFtpsTestServer> StartServerAsync(X509Certificate2 certificate, string accessCode) =>
        Task.FromResult(FakeFtpsTestServer.Start(certificate, accessCode));
}
