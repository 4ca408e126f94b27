using System.Security.Cryptography.X509Certificates;

namespace MakerShop.Printers.Tests.Support;

/// <summary>What the FTPS client tests need of a printer's FTPS server, real (vsftpd) or fake.</summary>
public interface IFtpsTestServer : IAsyncDisposable
{
    string Host { get; }

    int Port { get; }

    string StorageDir { get; }

    /// <summary>The server presents <paramref name="certificate"/> from now on, as a reset printer would.</summary>
    Task RestartWithAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default);

    /// <summary>Cuts every open session; returns how many connections or processes were cut.</summary>
    int CutSessions();
}
