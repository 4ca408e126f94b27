using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MakerShop.Printers.Bambu.Ftps;

namespace MakerShop.Printers.Tests.Support;

/// <summary>An FTPS conversation a test writes line by line, to see what a server answers to what the client never sends.</summary>
internal sealed class RawFtpsSession : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    private RawFtpsSession(FtpsControlChannel channel) => Channel = channel;

    public FtpsControlChannel Channel { get; }

    public static async Task<RawFtpsSession> OpenAsync(IFtpsTestServer server, string serial, string certificateSha256)
    {
        var (channel, _) = await FtpsControlChannel.OpenAsync(server.Host, server.Port, Options(serial, certificateSha256), Timeout, Timeout, CancellationToken.None);
        return new RawFtpsSession(channel);
    }

    public static SslClientAuthenticationOptions Options(string serial, string certificateSha256) => new()
    {
        TargetHost = serial,
        EnabledSslProtocols = SslProtocols.Tls12,
        RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && new X509Certificate2(certificate).GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == certificateSha256,
    };

    public Task<FtpReply> SendAsync(string command) => Channel.SendAsync(command, CancellationToken.None);

    public async Task LogInAsync(string accessCode)
    {
        await SendAsync("USER bblp");
        Assert.Equal(230, (await SendAsync("PASS " + accessCode)).Code);
    }

    /// <summary>Opens an EPSV data connection and sends <paramref name="command"/>; returns the first reply and the connected socket.</summary>
    public async Task<(FtpReply Reply, TcpClient Data)> StartTransferAsync(string command)
    {
        var epsv = await SendAsync("EPSV");
        Assert.Equal(229, epsv.Code);
        var port = int.Parse(epsv.Text.Split('|')[3], System.Globalization.CultureInfo.InvariantCulture);
        var data = new TcpClient();
        await data.ConnectAsync(Channel.RemoteHost, port);
        return (await SendAsync(command), data);
    }

    public ValueTask DisposeAsync() => Channel.DisposeAsync();
}
