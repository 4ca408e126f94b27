using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>
/// One implicit-TLS FTP control connection: commands out, replies in. The TLS options are kept so the data channel
/// can present the very same ones, which is what lets .NET resume the control channel's TLS session on it.
/// </summary>
internal sealed class FtpsControlChannel : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly SslStream _tls;
    private readonly StreamReader _reader;
    private readonly TimeSpan _replyTimeout;

    private FtpsControlChannel(TcpClient tcp, SslStream tls, SslClientAuthenticationOptions tlsOptions, TimeSpan replyTimeout)
    {
        _tcp = tcp;
        _tls = tls;
        TlsOptions = tlsOptions;
        _replyTimeout = replyTimeout;
        _reader = new StreamReader(tls, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
    }

    public SslClientAuthenticationOptions TlsOptions { get; }

    public SslProtocols Protocol => _tls.SslProtocol;

    /// <summary>Connects, completes the TLS handshake and reads the greeting.</summary>
    public static async Task<(FtpsControlChannel Channel, FtpReply Greeting)> OpenAsync(
        string host, int port, SslClientAuthenticationOptions tlsOptions, TimeSpan connectTimeout, TimeSpan replyTimeout, CancellationToken cancellationToken)
    {
        var tcp = new TcpClient { NoDelay = true };
        SslStream? tls = null;
        try
        {
            using (var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connectDeadline.CancelAfter(connectTimeout);
                await tcp.ConnectAsync(host, port, connectDeadline.Token);
                tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
                await tls.AuthenticateAsClientAsync(tlsOptions, connectDeadline.Token);
            }

            var channel = new FtpsControlChannel(tcp, tls, tlsOptions, replyTimeout);
            // Reading the greeting also takes in the TLS 1.3 session tickets the server sends after the handshake:
            // without them there is no session for the data channel to resume.
            var greeting = await channel.ReadReplyAsync(cancellationToken);
            return (channel, greeting);
        }
        catch
        {
            if (tls is not null)
            {
                await tls.DisposeAsync();
            }

            tcp.Dispose();
            throw;
        }
    }

    public string RemoteHost => ((System.Net.IPEndPoint)_tcp.Client.RemoteEndPoint!).Address.ToString();

    public async Task<FtpReply> SendAsync(string command, CancellationToken cancellationToken)
    {
        if (command.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("An FTP command is one line.", nameof(command));
        }

        await _tls.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), cancellationToken);
        await _tls.FlushAsync(cancellationToken);
        return await ReadReplyAsync(cancellationToken);
    }

    /// <summary>Reads one reply; a multi-line reply ("213-" … "213 ") is read to its last line.</summary>
    public async Task<FtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_replyTimeout);
        try
        {
            return await ReadReplyLinesAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The printer did not answer within {_replyTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task<FtpReply> ReadReplyLinesAsync(CancellationToken cancellationToken)
    {
        var first = await ReadLineAsync(cancellationToken);
        if (first.Length < 3 || !int.TryParse(first.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            throw new IOException($"The printer's FTP server sent a line that is not a reply: \"{Shorten(first)}\".");
        }

        var line = first;
        if (first.Length > 3 && first[3] == '-')
        {
            var end = first[..3] + " ";
            do
            {
                line = await ReadLineAsync(cancellationToken);
            }
            while (!line.StartsWith(end, StringComparison.Ordinal));
        }

        return new FtpReply(code, line.Length > 4 ? line[4..].Trim() : string.Empty);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        return await _reader.ReadLineAsync(cancellationToken)
            ?? throw new IOException("The printer closed the FTP control connection.");
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..80] + "…";

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _tls.DisposeAsync();
        _tcp.Dispose();
    }
}
