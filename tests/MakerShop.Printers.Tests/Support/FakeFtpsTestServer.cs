using System.Security.Cryptography.X509Certificates;
using MakerShop.VirtualHttpPrinters.Bambu;

namespace MakerShop.Printers.Tests.Support;

/// <summary>The demo's C# fake printer FTPS server behind the tests' server interface, storing into its own temp folder.</summary>
internal sealed class FakeFtpsTestServer : IFtpsTestServer
{
    private readonly FakeBambuFtpsServer _server;

    private FakeFtpsTestServer(FakeBambuFtpsServer server) => _server = server;

    public FakeBambuFtpsServer Fake => _server;

    public string Host => _server.Host;

    public int Port => _server.Port;

    public string StorageDir => _server.StorageDirectory;

    public static IFtpsTestServer Start(X509Certificate2 certificate, string accessCode)
    {
        var storage = Directory.CreateTempSubdirectory("makershop-fake-ftps-").FullName;
        var server = new FakeBambuFtpsServer(certificate, accessCode, storage);
        server.Start();
        return new FakeFtpsTestServer(server);
    }

    public Task RestartWithAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default)
    {
        _server.ReplaceCertificate(certificate);
        return Task.CompletedTask;
    }

    public int CutSessions() => _server.DropConnections();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        try
        {
            Directory.Delete(_server.StorageDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
