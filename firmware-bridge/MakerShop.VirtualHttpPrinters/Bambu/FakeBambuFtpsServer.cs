using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>
/// A Bambu Lab printer's FTPS server for the demo and the tests where Debian's vsftpd is not installed: implicit TLS on a
/// loopback port with the printer's certificate (CN = serial), user <c>bblp</c> with the access code (530 otherwise),
/// PBSZ/PROT with the data channel forced private as vsftpd's <c>force_local_data_ssl</c> does (PROT C is accepted,
/// then a transfer is refused with 521), EPSV/PASV, STOR, SIZE, DELE, LIST/NLST, MKD and QUIT, answered in vsftpd's
/// words. Uploads land in <see cref="StorageDirectory"/>, where the fake printer reads them; an upload is written under
/// a hidden temporary name and renamed only when its data channel closes cleanly, so a transfer cut half-way leaves
/// nothing under the final name.
/// <para>
/// Not enforced: TLS session reuse on the data channel. .NET's server-side <see cref="SslStream"/> does not say whether
/// a handshake resumed a session, so this fake cannot refuse a fresh one as vsftpd's <c>require_ssl_reuse</c> does; the
/// tests run the client against vsftpd for that.
/// </para>
/// </summary>
public sealed class FakeBambuFtpsServer : IAsyncDisposable
{
    private readonly string _accessCode;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<FakeBambuFtpsSession, byte> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private SslStreamCertificateContext _certificate;
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _cutNextUploadAfter = -1;
    private int _uploadsCut;

    public FakeBambuFtpsServer(X509Certificate2 certificate, string accessCode, string storageDirectory, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentException.ThrowIfNullOrEmpty(accessCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        _certificate = SslStreamCertificateContext.Create(certificate, additionalCertificates: null);
        _accessCode = accessCode;
        StorageDirectory = Path.GetFullPath(storageDirectory);
        _logger = logger ?? NullLogger.Instance;
    }

    public string Host => "127.0.0.1";

    /// <summary>The port it listens on, once started.</summary>
    public int Port { get; private set; }

    /// <summary>The printer's storage: the FTP root of user bblp.</summary>
    public string StorageDirectory { get; }

    /// <summary>
    /// Answer 426 "Failure reading network stream" after storing a whole upload, as P2S, X2D and H2C firmware does with
    /// TLS 1.3: the file is there and a client must check it with SIZE rather than trust the reply.
    /// </summary>
    public bool AnswerWholeUploadsWith426 { get; set; }

    /// <summary>Uploads whose data connection this server cut half-way (see <see cref="CutNextUploadAfter"/>).</summary>
    public int UploadsCut => Volatile.Read(ref _uploadsCut);

    /// <summary>
    /// The next upload's data connection is reset once <paramref name="bytes"/> have arrived, as a printer whose Wi-Fi
    /// drops mid-transfer: the partial file is discarded and the control channel answers 426. Only once.
    /// </summary>
    public void CutNextUploadAfter(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Exchange(ref _cutNextUploadAfter, bytes);
    }

    internal long? TakeUploadCut()
    {
        var bytes = Interlocked.Exchange(ref _cutNextUploadAfter, -1);
        if (bytes < 0)
        {
            return null;
        }

        Interlocked.Increment(ref _uploadsCut);
        return bytes;
    }

    internal SslStreamCertificateContext Certificate => Volatile.Read(ref _certificate);

    internal string AccessCode => _accessCode;

    internal ILogger Logger => _logger;

    /// <summary>Listens on <paramref name="port"/> (0: a free one) on the loopback address.</summary>
    public void Start(int port = 0)
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The fake FTPS server is already started.");
        }

        Directory.CreateDirectory(StorageDirectory);
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(_listener, _stopping.Token);
    }

    /// <summary>Presents <paramref name="certificate"/> from the next connection on, as a reset or replaced printer would.</summary>
    public void ReplaceCertificate(X509Certificate2 certificate) =>
        Volatile.Write(ref _certificate, SslStreamCertificateContext.Create(certificate, additionalCertificates: null));

    /// <summary>Cuts every open session, control and data connections alike, as a printer losing Wi-Fi would.</summary>
    public int DropConnections()
    {
        var sessions = _sessions.Keys.ToList();
        foreach (var session in sessions)
        {
            session.Abort();
        }

        return sessions.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        DropConnections();
        if (_acceptLoop is not null)
        {
            try
            {
                await _acceptLoop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var session = new FakeBambuFtpsSession(this, client);
            _sessions[session] = 0;
            _ = RunSessionAsync(session, stopping);
        }
    }

    private async Task RunSessionAsync(FakeBambuFtpsSession session, CancellationToken stopping)
    {
        try
        {
            await session.RunAsync(stopping);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            _logger.LogDebug("Fake Bambu FTPS session ended: {Reason}", e.Message);
        }
        catch (Exception e)
        {
            // A fake's own fault must not go unseen, nor take the demo down with it.
            _logger.LogWarning(e, "Fake Bambu FTPS session failed");
        }
        finally
        {
            _sessions.TryRemove(session, out _);
            await session.DisposeAsync();
        }
    }
}
