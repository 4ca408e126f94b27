using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MakerShop.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A real Mosquitto broker for one test (or fixture): its own temp folder, a password file generated with
/// <c>mosquitto_passwd</c>, the repository's <c>config/mosquitto.acl</c>, and a config derived from
/// <c>config/mosquitto.conf</c> with absolute paths and a free loopback port.
/// </summary>
public sealed class MosquittoBroker : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int MaxPortAttempts = 3;
    private const int MaxOutputLines = 400;

    private readonly Process _process;
    private readonly OutputBuffer _output;
    private readonly string _tempDir;
    private int _disposed;

    private MosquittoBroker(Process process, OutputBuffer output, string tempDir, int port, string configPath)
    {
        _process = process;
        _output = output;
        _tempDir = tempDir;
        Port = port;
        ConfigPath = configPath;
    }

    /// <summary>Loopback address the broker listens on.</summary>
    public string Host => "127.0.0.1";

    /// <summary>The free port chosen for this broker.</summary>
    public int Port { get; }

    /// <summary>The generated configuration file (absolute paths), for diagnostics.</summary>
    public string ConfigPath { get; }

    /// <summary>Everything Mosquitto wrote to stdout/stderr so far (last lines only).</summary>
    public string Output => _output.ToString();

    /// <summary>
    /// Replaces the broker's ACL file and has Mosquitto re-read it (SIGHUP), without dropping any connection: read
    /// access is checked when a message is delivered, so a test can make the broker accept a printer's messages and
    /// never hand them to a connected subscriber. Returns once Mosquitto has logged the reload (its loop is
    /// single-threaded, so every packet handled after that line sees the new ACL).
    /// </summary>
    public async Task ReplaceAclAsync(string aclText, CancellationToken ct = default)
    {
        var reloaded = _output.NextReload();
        await File.WriteAllTextAsync(Path.Combine(_tempDir, "mosquitto.acl"), aclText, ct);
        if (SendSignal(_process.Id, SignalHangUp) != 0)
        {
            throw new InvalidOperationException($"Could not send SIGHUP to Mosquitto (pid {_process.Id}).");
        }

        try
        {
            await reloaded.WaitAsync(StartupTimeout, ct);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Mosquitto did not reload its configuration within {StartupTimeout.TotalSeconds:0} s. Its output:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>The repository's config/mosquitto.acl, as the broker started with it.</summary>
    public static string ShippedAcl() => File.ReadAllText(Path.Combine(RepoPaths.ConfigDir, "mosquitto.acl"));

    private const int SignalHangUp = 1;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    /// <summary>
    /// Starts Mosquitto with the given users. Throws <see cref="InvalidOperationException"/> when Mosquitto is not
    /// installed or does not accept connections within a bounded time.
    /// </summary>
    public static async Task<MosquittoBroker> StartAsync(
        IReadOnlyDictionary<string, string> usersAndPasswords,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(usersAndPasswords);
        if (usersAndPasswords.Count == 0)
        {
            throw new ArgumentException("At least one user is required: the broker refuses anonymous clients.", nameof(usersAndPasswords));
        }

        var mosquitto = FindExecutable("mosquitto");
        var mosquittoPasswd = FindExecutable("mosquitto_passwd");

        var tempDir = Directory.CreateTempSubdirectory("makershop-mosquitto-").FullName;
        try
        {
            var passwordFile = Path.Combine(tempDir, "mosquitto.passwd");
            await WritePasswordFileAsync(mosquittoPasswd, passwordFile, usersAndPasswords, ct);

            var aclFile = Path.Combine(tempDir, "mosquitto.acl");
            File.Copy(Path.Combine(RepoPaths.ConfigDir, "mosquitto.acl"), aclFile);

            var dataDir = Path.Combine(tempDir, "data") + Path.DirectorySeparatorChar;
            Directory.CreateDirectory(dataDir);

            var template = await File.ReadAllLinesAsync(Path.Combine(RepoPaths.ConfigDir, "mosquitto.conf"), ct);
            var failures = new StringBuilder();
            for (var attempt = 1; attempt <= MaxPortAttempts; attempt++)
            {
                var port = GetFreeLoopbackPort();
                var configPath = Path.Combine(tempDir, "mosquitto.conf");
                var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["password_file"] = passwordFile,
                    ["acl_file"] = aclFile,
                    ["persistence_location"] = dataDir,
                    ["listener"] = string.Create(CultureInfo.InvariantCulture, $"{port} 127.0.0.1"),
                    // stderr, not stdout: Mosquitto does not flush stdout into a pipe, and ReplaceAclAsync waits for a log line.
                    ["log_dest"] = "stderr",
                };
                if (!string.IsNullOrWhiteSpace(Environment.UserName))
                {
                    // Only honoured when started as root (Mosquitto otherwise drops to the 'mosquitto' user):
                    // stay as the current user so the 0700 temp dir stays readable and writable.
                    overrides["user"] = Environment.UserName;
                }

                var config = DeriveConfig(template, overrides);
                await File.WriteAllTextAsync(configPath, config, ct);

                var output = new OutputBuffer(MaxOutputLines);
                var process = StartProcess(mosquitto, ["-c", configPath], tempDir, output);
                var broker = new MosquittoBroker(process, output, tempDir, port, configPath);
                try
                {
                    if (await broker.WaitUntilListeningAsync(ct))
                    {
                        return broker;
                    }
                }
                catch
                {
                    await broker.StopProcessAsync();
                    throw;
                }

                // Exited early: most likely another process took the port between our probe and Mosquitto's bind.
                var exitCode = SafeExitCode(process);
                await broker.StopProcessAsync();
                failures.AppendLine(CultureInfo.InvariantCulture, $"--- attempt {attempt}, port {port}, exit code {exitCode} ---")
                    .AppendLine(output.ToString());
                if (!output.ToString().Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    break;
                }
            }

            throw new InvalidOperationException(
                $"Mosquitto ({mosquitto}) exited before accepting connections. Its output:{Environment.NewLine}{failures}");
        }
        catch
        {
            TryDeleteDirectory(tempDir);
            throw;
        }
    }

    /// <summary>Kills the broker's process tree and deletes its temp folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopProcessAsync();
        TryDeleteDirectory(_tempDir);
    }

    private async Task<bool> WaitUntilListeningAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartupTimeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                return false;
            }

            using var client = new TcpClient(AddressFamily.InterNetwork);
            using var attemptCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            attemptCts.CancelAfter(TimeSpan.FromSeconds(1));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, attemptCts.Token);
                return true;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), ct);
        }

        if (_process.HasExited)
        {
            return false;
        }

        throw new InvalidOperationException(
            $"Mosquitto did not accept TCP connections on {Host}:{Port} within {StartupTimeout.TotalSeconds:0} s. " +
            $"Config: {ConfigPath}. Its output:{Environment.NewLine}{Output}");
    }

    private async Task StopProcessAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(StopTimeout);
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }
        catch (TimeoutException)
        {
            // Leave it to the OS; the temp dir delete below is best effort.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string DeriveConfig(string[] template, Dictionary<string, string> overrides)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        var result = new StringBuilder();
        result.AppendLine("# Generated by MakerShop.EndToEnd.Tests from config/mosquitto.conf with absolute paths.");
        foreach (var rawLine in template)
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                result.AppendLine(rawLine);
                continue;
            }

            var key = line.Split(' ', '\t')[0];
            if (!overrides.TryGetValue(key, out var value))
            {
                result.AppendLine(rawLine);
                continue;
            }

            if (!applied.Add(key))
            {
                if (key == "listener")
                {
                    throw new InvalidOperationException("config/mosquitto.conf must declare exactly one listener for the test harness.");
                }

                continue; // e.g. a second log_dest line.
            }

            result.AppendLine(CultureInfo.InvariantCulture, $"{key} {value}");
        }

        foreach (var (key, value) in overrides)
        {
            if (!applied.Contains(key))
            {
                result.AppendLine(CultureInfo.InvariantCulture, $"{key} {value}");
            }
        }

        return result.ToString();
    }

    private static async Task WritePasswordFileAsync(
        string mosquittoPasswd,
        string passwordFile,
        IReadOnlyDictionary<string, string> usersAndPasswords,
        CancellationToken ct)
    {
        var first = true;
        foreach (var (user, password) in usersAndPasswords)
        {
            if (string.IsNullOrEmpty(user) || user.Contains(':', StringComparison.Ordinal))
            {
                throw new ArgumentException($"Invalid MQTT username '{user}'.", nameof(usersAndPasswords));
            }

            List<string> args = first ? ["-c", "-b", passwordFile, user, password] : ["-b", passwordFile, user, password];
            first = false;

            var output = new OutputBuffer(100);
            using var process = StartProcess(mosquittoPasswd, args, Path.GetDirectoryName(passwordFile)!, output);
            try
            {
                await process.WaitForExitAsync(ct).WaitAsync(ToolTimeout, ct);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"mosquitto_passwd did not finish within {ToolTimeout.TotalSeconds:0} s: {output}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"mosquitto_passwd failed for user '{user}' (exit code {process.ExitCode}): {output}");
            }
        }
    }

    private static Process StartProcess(string fileName, IEnumerable<string> args, string workingDirectory, OutputBuffer output)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start '{fileName}'.");
            }
        }
        catch
        {
            process.Dispose();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindExecutable(string name)
    {
        // Debian/Ubuntu install the broker in /usr/sbin, which is not on a non-root user's PATH.
        var pathDirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"]);
        foreach (var dir in pathDirs)
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"'{name}' was not found on PATH (or /usr/sbin). The end-to-end MQTT tests need a real Mosquitto 2.x broker: " +
            "run the test command tests/run-all.sh (it installs the 'mosquitto' package when run as root), " +
            "or install it yourself: apt-get install -y mosquitto");
    }

    private static int GetFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running";
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                {
                    Directory.Delete(path, recursive: true);
                }

                return;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    /// <summary>Thread-safe ring of the last output lines of a child process.</summary>
    private sealed class OutputBuffer(int maxLines)
    {
        private readonly Queue<string> _lines = new();
        private readonly Lock _gate = new();
        private TaskCompletionSource _reload = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when Mosquitto next says it re-reads its configuration; ask before sending the signal.</summary>
        public Task NextReload()
        {
            lock (_gate)
            {
                _reload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                return _reload.Task;
            }
        }

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_gate)
            {
                if (line.Contains("Reloading config", StringComparison.Ordinal))
                {
                    _reload.TrySetResult();
                }

                _lines.Enqueue(line);
                while (_lines.Count > maxLines)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }
}
