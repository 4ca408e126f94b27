using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MakerShop.Printers.Tests.Support;

/// <summary>
/// Debian's vsftpd configured as a Bambu printer's FTPS server: implicit TLS on a free loopback port,
/// <c>require_ssl_reuse</c>, PROT P forced, user <c>bblp</c> with the access code as password, a private storage folder.
/// <para>
/// vsftpd authenticates through PAM only. The least invasive way to give it one user with one password is a
/// pam_userdb database in the fixture's temp folder (written with perl's DB_File, the same libdb as pam_userdb) and a
/// uniquely named PAM service file that points at it, removed on dispose; vsftpd's <c>guest_enable</c> maps the login
/// to Debian's existing 'ftp' account, so no system user is created or changed. (pam_exec would need no database but
/// deadlocks vsftpd: its SIGCHLD handler waits for a child pam_exec has already reaped.) Needs root, as CI runs tests.
/// </para>
/// </summary>
internal sealed class VsftpdServer : IFtpsTestServer
{
    private const string Executable = "/usr/sbin/vsftpd";

    // Linux-PAM lower-cases the service name before it looks in /etc/pam.d, so the file name must be lower-case.
    private const string PamServicePrefix = "makershop-ftps-";
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(15);

    private readonly string _tempDir;
    private readonly string _pamService;
    private readonly string _configPath;
    private Process? _process;
    private int _disposed;

    private VsftpdServer(string tempDir, string pamService, int port)
    {
        _tempDir = tempDir;
        _pamService = pamService;
        Port = port;
        _configPath = Path.Combine(tempDir, "vsftpd.conf");
        StorageDir = Path.Combine(tempDir, "storage");
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>The folder uploads land in (the FTP root of user bblp).</summary>
    public string StorageDir { get; }

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private string LogPath => Path.Combine(_tempDir, "vsftpd.log");

    private string PamFile => Path.Combine("/etc/pam.d", _pamService);

    public static async Task<VsftpdServer> StartAsync(X509Certificate2 certificate, string accessCode, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("vsftpd is not installed (apt-get install vsftpd); tests/run-all.sh installs it.");
        }

        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            throw new InvalidOperationException("The vsftpd fixture writes a PAM service file and must run as root, as the tests do in CI.");
        }

        var tempDir = Directory.CreateTempSubdirectory("makershop-vsftpd-").FullName;
        var server = new VsftpdServer(tempDir, PamServicePrefix + Guid.NewGuid().ToString("N"), FreeLoopbackPort());
        try
        {
            await server.PrepareAsync(certificate, accessCode, cancellationToken);
            await server.LaunchAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string StoredPath(string name) => Path.Combine(StorageDir, name);

    /// <summary>Stops vsftpd and starts it again on the same port presenting <paramref name="certificate"/>, as a reset printer would.</summary>
    public async Task RestartWithAsync(X509Certificate2 certificate, CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await WriteCertificateAsync(certificate, cancellationToken);
        await LaunchAsync(cancellationToken);
    }

    /// <summary>Kills every session process (control and data connections drop at once); the listener stays up.</summary>
    public int CutSessions()
    {
        var killed = 0;
        if (_process is null)
        {
            return 0;
        }

        foreach (var pid in Descendants(_process.Id))
        {
            try
            {
                using var session = Process.GetProcessById(pid);
                session.Kill();
                killed++;
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
            }
        }

        return killed;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        try
        {
            File.Delete(PamFile);
        }
        catch (IOException)
        {
        }

        try
        {
            Directory.Delete(_tempDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private async Task PrepareAsync(X509Certificate2 certificate, string accessCode, CancellationToken cancellationToken)
    {
        // The session runs as 'ftp', which must reach the storage folder through the temp folder.
        File.SetUnixFileMode(_tempDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(StorageDir);
        File.SetUnixFileMode(StorageDir, (UnixFileMode)0x1FF);
        var empty = Directory.CreateDirectory(Path.Combine(_tempDir, "empty")).FullName;
        await WriteCertificateAsync(certificate, cancellationToken);

        var users = Path.Combine(_tempDir, "users");
        await RunAsync("perl", ["-MDB_File", "-MFcntl", "-e", "tie my %h, 'DB_File', $ARGV[0], O_RDWR|O_CREAT, 0600, $DB_HASH or die \"$!\\n\"; $h{bblp} = $ARGV[1]; untie %h", users + ".db", accessCode], cancellationToken);
        await File.WriteAllTextAsync(PamFile, $"auth required pam_userdb.so db={users}\naccount required pam_permit.so\n", cancellationToken);

        var config = new StringBuilder()
            .AppendLine("listen=YES")
            .AppendLine("listen_address=127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"listen_port={Port}")
            .AppendLine("background=NO")
            .AppendLine("anonymous_enable=NO")
            .AppendLine("local_enable=YES")
            .AppendLine("write_enable=YES")
            .AppendLine("guest_enable=YES")
            .AppendLine("guest_username=ftp")
            .AppendLine("virtual_use_local_privs=YES")
            .AppendLine(CultureInfo.InvariantCulture, $"local_root={StorageDir}")
            .AppendLine(CultureInfo.InvariantCulture, $"pam_service_name={_pamService}")
            .AppendLine("ssl_enable=YES")
            .AppendLine("implicit_ssl=YES")
            .AppendLine("require_ssl_reuse=YES")
            .AppendLine("force_local_data_ssl=YES")
            .AppendLine("force_local_logins_ssl=YES")
            .AppendLine(CultureInfo.InvariantCulture, $"rsa_cert_file={Path.Combine(_tempDir, "cert.pem")}")
            .AppendLine(CultureInfo.InvariantCulture, $"rsa_private_key_file={Path.Combine(_tempDir, "key.pem")}")
            .AppendLine("pasv_enable=YES")
            .AppendLine("pasv_address=127.0.0.1")
            .AppendLine(CultureInfo.InvariantCulture, $"secure_chroot_dir={empty}")
            // Containers cannot always create namespaces or load seccomp filters; a loopback test server needs neither.
            .AppendLine("seccomp_sandbox=NO")
            .AppendLine("isolate=NO")
            .AppendLine("isolate_network=NO")
            .AppendLine("xferlog_enable=NO")
            .AppendLine("log_ftp_protocol=YES")
            .AppendLine(CultureInfo.InvariantCulture, $"vsftpd_log_file={LogPath}")
            .AppendLine("dual_log_enable=YES");
        await File.WriteAllTextAsync(_configPath, config.ToString(), cancellationToken);
    }

    private async Task WriteCertificateAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        using var key = certificate.GetRSAPrivateKey() ?? throw new ArgumentException("The certificate needs its RSA private key.", nameof(certificate));
        await File.WriteAllTextAsync(Path.Combine(_tempDir, "cert.pem"), certificate.ExportCertificatePem() + "\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_tempDir, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n", cancellationToken);
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_configPath);
        _process = Process.Start(start) ?? throw new InvalidOperationException("vsftpd did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartupTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"vsftpd exited with code {_process.ExitCode} before listening on {Host}:{Port}. Config: {_configPath}");
            }

            if (IsListening())
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new InvalidOperationException($"vsftpd did not listen on {Host}:{Port} within {StartupTimeout.TotalSeconds:0} s.");
    }

    // Reads the kernel's table rather than connecting: a probe connection would be a session vsftpd has to fail.
    private bool IsListening()
    {
        var listeners = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        return listeners.Any(l => l.Port == Port && l.Address.Equals(IPAddress.Loopback));
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
        }
        catch (TimeoutException)
        {
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }

    private static List<int> Descendants(int pid)
    {
        var children = new List<int>();
        foreach (var task in SafeDirectories($"/proc/{pid}/task"))
        {
            var path = Path.Combine(task, "children");
            var text = File.Exists(path) ? SafeRead(path) : "";
            children.AddRange(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)));
        }

        return children.SelectMany(child => Descendants(child).Prepend(child)).ToList();
    }

    private static string[] SafeDirectories(string path)
    {
        try
        {
            return Directory.GetDirectories(path);
        }
        catch (DirectoryNotFoundException)
        {
            return [];
        }
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
