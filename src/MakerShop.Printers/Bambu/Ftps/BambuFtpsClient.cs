using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Printers.Bambu.Ftps;

/// <summary>
/// The shop's own implicit-FTPS client for Bambu Lab printers. .NET 10 on Linux resumes the control channel's TLS
/// session on a second <see cref="SslStream"/> given the same <see cref="SslClientAuthenticationOptions"/>, which is
/// what the printer's vsftpd insists on (docs/bambu-ftps.md), so no FTP library is needed. Each call opens its own
/// session: uploads are rare and a printer serves one client at a time.
/// </summary>
public sealed partial class BambuFtpsClient(IOptions<BambuFtpsOptions> options, ILogger<BambuFtpsClient> logger, TimeProvider? timeProvider = null)
    : IBambuFileTransfer
{
    public const string UserName = "bblp";
    private const int CopyBufferSize = 64 * 1024;
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    private readonly BambuFtpsOptions _options = options.Value;
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<X509Certificate2Collection> _bambuRoots = new(() => LoadRoots(options.Value.CaCertificateFiles));

    public async Task UploadAsync(BambuFtpsTarget target, string remoteName, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(content);
        CheckRemoteName(remoteName);
        var turn = Turn(target);
        await turn.WaitAsync(cancellationToken);
        try
        {
            await UploadInTurnAsync(target, remoteName, content, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    public async Task DeleteAsync(BambuFtpsTarget target, string remoteName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        CheckRemoteName(remoteName);
        var turn = Turn(target);
        await turn.WaitAsync(cancellationToken);
        try
        {
            await DeleteInTurnAsync(target, remoteName, cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    // One session at a time per printer, as the printers serve one FTP client at a time: an upload and the delete of
    // its partial file never race each other for the printer.
    private SemaphoreSlim Turn(BambuFtpsTarget target) =>
        _turns.GetOrAdd(target.Serial, _ => new SemaphoreSlim(1, 1));

    private async Task UploadInTurnAsync(BambuFtpsTarget target, string remoteName, Stream content, CancellationToken cancellationToken)
    {
        long? size = content.CanSeek ? content.Length - content.Position : null;
        var allowed = _options.UploadDeadline(size);
        using var expiry = new CancellationTokenSource(allowed, _time);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        var clock = Stopwatch.StartNew();
        var progress = new UploadProgress();
        LogUploadStarting(target.Serial, target.Host, target.Port, remoteName, size);
        try
        {
            await using var session = await OpenSessionAsync(target, deadline.Token);
            var stored = await StoreAsync(session, target, remoteName, content, progress, deadline.Token);
            await QuitAsync(session);
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            LogUploaded(target.Serial, remoteName, stored, seconds, stored / 1000.0 / seconds, session.Protocol);
        }
        catch (BambuTransferException e)
        {
            LogUploadFailed(target.Serial, remoteName, progress.Sent, e.Message);
            if (progress.DataSent)
            {
                await DeletePartialAsync(target, remoteName);
            }

            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogUploadCancelled(target.Serial, remoteName, progress.Sent);
            if (progress.DataSent)
            {
                await DeletePartialAsync(target, remoteName);
            }

            throw;
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            var reason = e is OperationCanceledException
                ? $"it did not finish within {Duration(allowed)}."
                : e.Message;
            var failure = progress.DataSent
                ? new BambuTransferException(
                    $"The upload of {remoteName} to printer {target.Serial} was cut after {progress.Sent:N0} bytes{Of(size)}: {reason} Nothing was stored; it can be sent again.",
                    retryable: true,
                    e)
                : new BambuTransferException(
                    $"Could not reach the file storage of printer {target.Serial} at {target.Host}:{target.Port}: {reason} Check that it is on and in LAN mode.",
                    retryable: true,
                    e);
            LogUploadFailed(target.Serial, remoteName, progress.Sent, reason);
            if (progress.DataSent)
            {
                await DeletePartialAsync(target, remoteName);
            }

            throw failure;
        }
    }

    private async Task DeleteInTurnAsync(BambuFtpsTarget target, string remoteName, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await OpenSessionAsync(target, cancellationToken);
            var reply = await session.Channel.SendAsync("DELE " + remoteName, cancellationToken);
            if (reply.Code == 550)
            {
                LogAlreadyGone(target.Serial, remoteName);
            }
            else if (!reply.IsPositiveCompletion)
            {
                throw Refused(target, "delete " + remoteName, reply);
            }
            else
            {
                LogDeleted(target.Serial, remoteName);
            }

            await QuitAsync(session);
        }
        catch (Exception e) when (IsTransportFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new BambuTransferException(
                $"Could not reach the file storage of printer {target.Serial} at {target.Host}:{target.Port}: {e.Message}",
                retryable: true,
                e);
        }
    }

    private async Task<Session> OpenSessionAsync(BambuFtpsTarget target, CancellationToken cancellationToken)
    {
        var check = new BambuCertificateCheck(target, _bambuRoots.Value);
        var tlsOptions = new SslClientAuthenticationOptions
        {
            // The certificate names the serial, not the address; the serial is also what the session cache is keyed on.
            TargetHost = target.Serial,
            EnabledSslProtocols = _options.CapTlsAt12 ? SslProtocols.Tls12 : SslProtocols.Tls12 | SslProtocols.Tls13,
            RemoteCertificateValidationCallback = check.Validate,
            AllowTlsResume = true,
        };

        FtpsControlChannel channel;
        FtpReply greeting;
        try
        {
            (channel, greeting) = await FtpsControlChannel.OpenAsync(
                target.Host, target.Port, tlsOptions, _options.ConnectTimeout, _options.ReplyTimeout, cancellationToken);
        }
        catch (AuthenticationException e) when (check.Refusal is not null)
        {
            LogCertificateRefused(target.Serial, check.PresentedSha256, check.Refusal);
            throw new BambuTransferException(check.Refusal, retryable: false, e);
        }

        var session = new Session(channel);
        try
        {
            if (!greeting.IsPositiveCompletion)
            {
                throw Refused(target, "accept a connection", greeting);
            }

            await LogInAsync(session.Channel, target, cancellationToken);
            await ExpectAsync(session.Channel, target, "PBSZ 0", "set up the encrypted data channel", cancellationToken);
            await ExpectAsync(session.Channel, target, "PROT P", "encrypt the data channel", cancellationToken);
            await ExpectAsync(session.Channel, target, "TYPE I", "switch to binary transfers", cancellationToken);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task LogInAsync(FtpsControlChannel channel, BambuFtpsTarget target, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync("USER " + UserName, cancellationToken);
        if (reply.IsPositiveIntermediate)
        {
            // The access code goes only here, on the encrypted control channel, and never into a log line.
            reply = await channel.SendAsync("PASS " + target.AccessCode, cancellationToken);
        }

        if (reply.Code == 530)
        {
            LogLoginRefused(target.Serial, reply.ToString());
            throw new BambuTransferException(
                $"The printer refused the access code: {reply.Code} {reply.Text.TrimEnd('.')}. Copy the access code from the printer's screen (it changes when LAN mode is switched off and on) and save it with the printer.",
                retryable: false);
        }

        if (!reply.IsPositiveCompletion)
        {
            throw Refused(target, "log in", reply);
        }
    }

    private async Task<long> StoreAsync(
        Session session, BambuFtpsTarget target, string remoteName, Stream content, UploadProgress progress, CancellationToken cancellationToken)
    {
        var channel = session.Channel;
        var dataPort = await OpenPassiveAsync(channel, target, cancellationToken);
        using var dataTcp = new TcpClient { NoDelay = true };
        using (var connectDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            connectDeadline.CancelAfter(_options.ConnectTimeout);
            await dataTcp.ConnectAsync(channel.RemoteHost, dataPort, connectDeadline.Token);
        }

        var start = await channel.SendAsync("STOR " + remoteName, cancellationToken);
        if (!start.IsPositivePreliminary)
        {
            throw Refused(target, "store " + remoteName, start);
        }

        progress.DataSent = true;
        await using var data = new SslStream(dataTcp.GetStream(), leaveInnerStreamOpen: true);
        try
        {
            // The very same options object: equal options are what make .NET offer the control channel's session.
            await data.AuthenticateAsClientAsync(channel.TlsOptions, cancellationToken);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            var reply = await TryReadReplyAsync(channel, cancellationToken);
            throw new BambuTransferException(
                $"Printer {target.Serial} refused the encrypted data connection{(reply is null ? "" : $": {reply.Code} {reply.Text.TrimEnd('.')}")}.",
                // Usually another TLS session to the same name was cached in between; a new attempt starts afresh.
                retryable: true,
                e);
        }

        await CopyAsync(content, data, progress, cancellationToken);
        // close_notify goes out, but the printer's is never waited for: Bambu firmware does not always send it.
        await data.ShutdownAsync();
        dataTcp.Client.Shutdown(SocketShutdown.Send);
        // The data socket stays open until the reply: closing it with the server's unread TLS 1.3 tickets in its
        // buffer would reset the connection and lose the last bytes in flight.
        var done = await channel.ReadReplyAsync(cancellationToken);
        if (!done.IsPositiveCompletion)
        {
            // Some firmware answers 426 after receiving every byte; the stored size says whether the file is whole.
            LogCheckingSizeAfter(target.Serial, remoteName, done.ToString(), progress.Sent);
        }

        var stored = await StoredSizeAsync(channel, remoteName, cancellationToken);
        if (stored != progress.Sent)
        {
            throw new BambuTransferException(
                $"Printer {target.Serial} stored {stored?.ToString("N0", CultureInfo.InvariantCulture) ?? "no"} of the {progress.Sent:N0} bytes of {remoteName} ({done}). Nothing was stored; it can be sent again.",
                retryable: true);
        }

        return progress.Sent;
    }

    private static async Task CopyAsync(Stream content, SslStream data, UploadProgress progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken)) > 0)
            {
                await data.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress.Sent += read;
            }

            await data.FlushAsync(cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<int> OpenPassiveAsync(FtpsControlChannel channel, BambuFtpsTarget target, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync("EPSV", cancellationToken);
        if (reply.Code == 229 && PassiveReply.TryParseExtended(reply.Text, out var port))
        {
            return port;
        }

        reply = await channel.SendAsync("PASV", cancellationToken);
        if (reply.Code == 227 && PassiveReply.TryParse(reply.Text, out port))
        {
            // The address in the reply is ignored: the data channel goes to the host the control channel reached.
            return port;
        }

        throw Refused(target, "open a data connection", reply);
    }

    private static async Task<long?> StoredSizeAsync(FtpsControlChannel channel, string remoteName, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync("SIZE " + remoteName, cancellationToken);
        return reply.Code == 213 && long.TryParse(reply.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null;
    }

    private async Task ExpectAsync(FtpsControlChannel channel, BambuFtpsTarget target, string command, string what, CancellationToken cancellationToken)
    {
        var reply = await channel.SendAsync(command, cancellationToken);
        if (!reply.IsPositiveCompletion)
        {
            throw Refused(target, what, reply);
        }
    }

    private static async Task<FtpReply?> TryReadReplyAsync(FtpsControlChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            return await channel.ReadReplyAsync(cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            return null;
        }
    }

    private static async Task QuitAsync(Session session)
    {
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await session.Channel.SendAsync("QUIT", quick.Token);
        }
        catch (Exception e) when (IsTransportFailure(e))
        {
            // The work is done; a printer that hangs up before saying goodbye changes nothing.
        }
    }

    // Best effort, with a fresh session: the failed one may be half-closed. A partial file left behind is never
    // reported as stored, so a failure here is only logged.
    private async Task DeletePartialAsync(BambuFtpsTarget target, string remoteName)
    {
        try
        {
            using var cleanup = new CancellationTokenSource(CleanupTimeout);
            await DeleteInTurnAsync(target, remoteName, cleanup.Token);
        }
        catch (Exception e) when (e is BambuTransferException || IsTransportFailure(e))
        {
            LogPartialNotDeleted(target.Serial, remoteName, e.Message);
        }
    }

    private BambuTransferException Refused(BambuFtpsTarget target, string what, FtpReply reply)
    {
        LogRefused(target.Serial, what, reply.ToString());
        // A 4xx reply is transient by definition (RFC 959); a 5xx one would be given again.
        return new BambuTransferException($"Printer {target.Serial} would not {what}: {reply.Code} {reply.Text.TrimEnd('.')}.", retryable: reply.Code < 500);
    }

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or SocketException or TimeoutException or AuthenticationException or OperationCanceledException or ObjectDisposedException;

    private static string Duration(TimeSpan span) =>
        span >= TimeSpan.FromMinutes(2) ? $"{span.TotalMinutes:0} minutes" : $"{span.TotalSeconds:0} seconds";

    private static string Of(long? size) => size is { } total ? $" of {total:N0}" : "";

    private static void CheckRemoteName(string remoteName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(remoteName);
        if (remoteName.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            throw new ArgumentException("A file name on the printer is one line.", nameof(remoteName));
        }
    }

    private static X509Certificate2Collection LoadRoots(IEnumerable<string> files)
    {
        var roots = new X509Certificate2Collection();
        foreach (var file in files)
        {
            roots.ImportFromPemFile(file);
        }

        return roots;
    }

    private sealed class UploadProgress
    {
        public long Sent { get; set; }

        public bool DataSent { get; set; }
    }

    private sealed class Session(FtpsControlChannel channel) : IAsyncDisposable
    {
        public FtpsControlChannel Channel => channel;

        public SslProtocols Protocol => channel.Protocol;

        public ValueTask DisposeAsync() => channel.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Uploading {RemoteName} ({Bytes} bytes) to Bambu printer {Serial} at {Host}:{Port}")]
    private partial void LogUploadStarting(string serial, string host, int port, string remoteName, long? bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uploaded {RemoteName} ({Bytes} bytes) to Bambu printer {Serial} in {Seconds:0.0} s ({KilobytesPerSecond:0} KB/s, {TlsProtocol})")]
    private partial void LogUploaded(string serial, string remoteName, long bytes, double seconds, double kilobytesPerSecond, SslProtocols tlsProtocol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upload of {RemoteName} to Bambu printer {Serial} failed after {Bytes} bytes: {Reason}")]
    private partial void LogUploadFailed(string serial, string remoteName, long bytes, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Upload of {RemoteName} to Bambu printer {Serial} was cancelled after {Bytes} bytes")]
    private partial void LogUploadCancelled(string serial, string remoteName, long bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bambu printer {Serial} answered {Reply} after {Bytes} bytes of {RemoteName}; checking the stored size")]
    private partial void LogCheckingSizeAfter(string serial, string remoteName, string reply, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu printer {Serial} refused the FTPS login: {Reply}")]
    private partial void LogLoginRefused(string serial, string reply);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused the certificate of Bambu printer {Serial} (SHA-256 {Presented}): {Reason}")]
    private partial void LogCertificateRefused(string serial, string? presented, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bambu printer {Serial} would not {Action}: {Reply}")]
    private partial void LogRefused(string serial, string action, string reply);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {RemoteName} from Bambu printer {Serial}")]
    private partial void LogDeleted(string serial, string remoteName);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{RemoteName} was already gone from Bambu printer {Serial}")]
    private partial void LogAlreadyGone(string serial, string remoteName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the partial {RemoteName} from Bambu printer {Serial}: {Reason}")]
    private partial void LogPartialNotDeleted(string serial, string remoteName, string reason);
}
