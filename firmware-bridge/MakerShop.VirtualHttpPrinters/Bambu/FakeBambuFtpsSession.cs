using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualHttpPrinters.Bambu;

/// <summary>One client of <see cref="FakeBambuFtpsServer"/>: the control connection and its passive data connections.</summary>
internal sealed class FakeBambuFtpsSession(FakeBambuFtpsServer server, TcpClient control) : IAsyncDisposable
{
    private const string User = "bblp";
    private static readonly TimeSpan DataConnectTimeout = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private SslStream? _tls;
    private TcpListener? _passive;
    private TcpClient? _data;
    private string? _user;
    private bool _loggedIn;
    private bool _privateData;
    private bool _aborted;

    public async Task RunAsync(CancellationToken stopping)
    {
        _tls = new SslStream(control.GetStream(), leaveInnerStreamOpen: false);
        await _tls.AuthenticateAsServerAsync(ServerOptions(), stopping);
        using var reader = new StreamReader(_tls, Encoding.UTF8, false, 1024, leaveOpen: true);
        await ReplyAsync("220 (vsFTPd 3.0.3)", stopping);
        while (await reader.ReadLineAsync(stopping) is { } line)
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
            var argument = space < 0 ? "" : line[(space + 1)..];
            if (!await HandleAsync(verb, argument, stopping))
            {
                return;
            }
        }
    }

    /// <summary>Resets every socket of this session at once: a cut, not a goodbye.</summary>
    public void Abort()
    {
        lock (_gate)
        {
            _aborted = true;
            Reset(control);
            Reset(_data);
            _passive?.Stop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _passive?.Stop();
        _data?.Dispose();
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        control.Dispose();
    }

    private SslServerAuthenticationOptions ServerOptions() => new()
    {
        ServerCertificateContext = server.Certificate,
        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        ClientCertificateRequired = false,
    };

    private async Task<bool> HandleAsync(string verb, string argument, CancellationToken stopping)
    {
        switch (verb)
        {
            case "USER":
                _user = argument;
                _loggedIn = false;
                await ReplyAsync("331 Please specify the password.", stopping);
                return true;
            case "PASS":
                _loggedIn = _user == User && argument == server.AccessCode;
                await ReplyAsync(_loggedIn ? "230 Login successful." : "530 Login incorrect.", stopping);
                return true;
            case "QUIT":
                await ReplyAsync("221 Goodbye.", stopping);
                return false;
        }

        if (!_loggedIn)
        {
            await ReplyAsync("530 Please login with USER and PASS.", stopping);
            return true;
        }

        var reply = verb switch
        {
            "PBSZ" => "200 PBSZ set to 0.",
            "PROT" when argument.Equals("P", StringComparison.OrdinalIgnoreCase) => Private(true),
            "PROT" when argument.Equals("C", StringComparison.OrdinalIgnoreCase) => Private(false),
            "PROT" => "536 Bad PROT level.",
            "TYPE" => argument.StartsWith('A') ? "200 Switching to ASCII mode." : "200 Switching to Binary mode.",
            "PWD" => "257 \"/\" is the current directory",
            "EPSV" => $"229 Entering Extended Passive Mode (|||{OpenPassive()}|)",
            "PASV" => PassiveReply(OpenPassive()),
            "SIZE" => SizeOf(argument),
            "DELE" => Delete(argument),
            "MKD" => MakeDirectory(argument),
            "NOOP" => "200 NOOP ok.",
            "STOR" or "LIST" or "NLST" => null,
            _ => "500 Unknown command.",
        };
        if (reply is not null)
        {
            await ReplyAsync(reply, stopping);
            return true;
        }

        if (!_privateData)
        {
            await ReplyAsync("521 Data connections must be encrypted.", stopping);
            return true;
        }

        if (_passive is null)
        {
            await ReplyAsync("425 Use PORT or PASV first.", stopping);
            return true;
        }

        if (verb == "STOR")
        {
            await StoreAsync(argument, stopping);
        }
        else
        {
            await ListAsync(names: verb == "NLST", stopping);
        }

        return true;
    }

    private string Private(bool on)
    {
        _privateData = on;
        return on ? "200 PROT now Private." : "200 PROT now Clear.";
    }

    private int OpenPassive()
    {
        _passive?.Stop();
        _passive = new TcpListener(IPAddress.Loopback, 0);
        _passive.Start(1);
        return ((IPEndPoint)_passive.LocalEndpoint).Port;
    }

    private static string PassiveReply(int port) =>
        string.Create(CultureInfo.InvariantCulture, $"227 Entering Passive Mode (127,0,0,1,{port / 256},{port % 256}).");

    private async Task StoreAsync(string name, CancellationToken stopping)
    {
        if (PathOf(name) is not { } target || !Directory.Exists(Path.GetDirectoryName(target)))
        {
            await ReplyAsync("553 Could not create file.", stopping);
            return;
        }

        await ReplyAsync("150 Ok to send data.", stopping);
        var partial = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.partial");
        try
        {
            await using (var data = await AcceptDataAsync(stopping))
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                if (server.TakeUploadCut() is { } cutAfter)
                {
                    await CopyAtMostAsync(data, file, cutAfter, stopping);
                    lock (_gate)
                    {
                        Reset(_data);
                    }

                    throw new IOException($"The data connection was cut after {cutAfter} bytes.");
                }

                // A clean end is the client's close_notify or FIN; a reset or a cut TLS record throws instead.
                await data.CopyToAsync(file, stopping);
            }

            if (_aborted)
            {
                throw new IOException("The session was cut.");
            }

            File.Move(partial, target, overwrite: true);
            server.Logger.LogInformation("Fake Bambu printer stored {File} ({Bytes} bytes)", name, new FileInfo(target).Length);
            await ReplyAsync(server.AnswerWholeUploadsWith426 ? "426 Failure reading network stream." : "226 Transfer complete.", stopping);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or TimeoutException)
        {
            File.Delete(partial);
            server.Logger.LogInformation("Fake Bambu printer dropped the partial upload of {File}: {Reason}", name, e.Message);
            await ReplyAsync("426 Failure reading network stream.", stopping);
        }
        finally
        {
            CloseData();
        }
    }

    private async Task ListAsync(bool names, CancellationToken stopping)
    {
        await ReplyAsync("150 Here comes the directory listing.", stopping);
        try
        {
            await using (var data = await AcceptDataAsync(stopping))
            {
                var listing = new StringBuilder();
                foreach (var file in new DirectoryInfo(server.StorageDirectory).EnumerateFileSystemInfos().Where(f => !f.Name.StartsWith('.')).OrderBy(f => f.Name, StringComparer.Ordinal))
                {
                    listing.Append(names ? file.Name : ListLine(file)).Append("\r\n");
                }

                await data.WriteAsync(Encoding.UTF8.GetBytes(listing.ToString()), stopping);
                await data.ShutdownAsync();
            }

            await ReplyAsync("226 Directory send OK.", stopping);
        }
        catch (Exception e) when (e is IOException or SocketException or AuthenticationException or TimeoutException)
        {
            await ReplyAsync("426 Failure writing network stream.", stopping);
        }
        finally
        {
            CloseData();
        }
    }

    private static async Task CopyAtMostAsync(Stream from, Stream to, long limit, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        long copied = 0;
        int read;
        while (copied < limit && (read = await from.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, limit - copied)), stopping)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), stopping);
            copied += read;
        }
    }

    private static string ListLine(FileSystemInfo entry)
    {
        var size = entry is FileInfo file ? file.Length : 4096;
        var kind = entry is DirectoryInfo ? 'd' : '-';
        return string.Create(CultureInfo.InvariantCulture, $"{kind}rw-r--r--    1 ftp      ftp      {size,8} {entry.LastWriteTimeUtc:MMM dd HH:mm} {entry.Name}");
    }

    private async Task<SslStream> AcceptDataAsync(CancellationToken stopping)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(DataConnectTimeout);
        TcpClient data;
        try
        {
            data = await _passive!.AcceptTcpClientAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException("No data connection arrived.");
        }

        lock (_gate)
        {
            _data = data;
            if (_aborted)
            {
                Reset(data);
            }
        }

        var tls = new SslStream(data.GetStream(), leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(ServerOptions(), deadline.Token);
        return tls;
    }

    private void CloseData()
    {
        lock (_gate)
        {
            _data?.Dispose();
            _data = null;
            _passive?.Stop();
            _passive = null;
        }
    }

    private string SizeOf(string name) =>
        PathOf(name) is { } path && File.Exists(path)
            ? string.Create(CultureInfo.InvariantCulture, $"213 {new FileInfo(path).Length}")
            : "550 Could not get file size.";

    private string Delete(string name)
    {
        if (PathOf(name) is not { } path || !File.Exists(path))
        {
            return "550 Delete operation failed.";
        }

        File.Delete(path);
        return "250 Delete operation successful.";
    }

    private string MakeDirectory(string name)
    {
        if (PathOf(name) is not { } path || Directory.Exists(path) || File.Exists(path))
        {
            return "550 Create directory operation failed.";
        }

        Directory.CreateDirectory(path);
        return $"257 \"/{name.Trim('/')}\" created";
    }

    // Names stay inside the storage folder; dot files are the fake's own partial uploads.
    private string? PathOf(string name)
    {
        var relative = name.Trim().TrimStart('/');
        if (relative.Length == 0 || relative.Split('/').Any(part => part is "" or "." or ".." || part.StartsWith('.')))
        {
            return null;
        }

        var root = server.StorageDirectory;
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private async Task ReplyAsync(string reply, CancellationToken stopping)
    {
        await _tls!.WriteAsync(Encoding.UTF8.GetBytes(reply + "\r\n"), stopping);
        await _tls.FlushAsync(stopping);
    }

    private static void Reset(TcpClient? client)
    {
        if (client is null)
        {
            return;
        }

        // A disposed TcpClient has no socket left; the session may have ended while it was being cut.
        if (client.Client is not { } socket)
        {
            return;
        }

        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }
}
