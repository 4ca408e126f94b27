using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using MakerShop.Bench.Hosting;

namespace MakerShop.Bench.Soak;

/// <summary>
/// A real Mosquitto from the repository's config/mosquitto.conf and ACL, with its own password file, on one loopback
/// port and one persistence folder for its whole life, so that it can be killed (SIGKILL) and started again in place.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly string _executable;
    private readonly string _configPath;
    private readonly string _folder;
    private Process? _process;

    private readonly bool _keepFolder;

    private MosquittoProcess(string executable, string configPath, string folder, int port, bool keepFolder)
    {
        _keepFolder = keepFolder;
        _executable = executable;
        _configPath = configPath;
        _folder = folder;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public int Restarts { get; private set; }

    /// <param name="keepFolder">Keep the folder on dispose and log every connection to mosquitto.log in it, for a post-mortem.</param>
    public static async Task<MosquittoProcess> StartAsync(string folder, IReadOnlyDictionary<string, string> users, bool keepFolder, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        var executable = Find("mosquitto");
        var passwd = Find("mosquitto_passwd");
        Directory.CreateDirectory(folder);
        var config = Path.Combine(HostProcess.RepositoryRoot(), "config");
        var passwordFile = Path.Combine(folder, "mosquitto.passwd");
        // mosquitto_passwd -U hashes a file of user:password lines in place: one process for the whole fleet.
        await File.WriteAllLinesAsync(passwordFile, users.Select(u => $"{u.Key}:{u.Value}"), ct);
        await RunToolAsync(passwd, ["-U", passwordFile], ct);
        var aclFile = Path.Combine(folder, "mosquitto.acl");
        File.Copy(Path.Combine(config, "mosquitto.acl"), aclFile, overwrite: true);
        var persistence = Path.Combine(folder, "data") + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(persistence);

        var port = HostProcess.FreeLoopbackPort();
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["password_file"] = passwordFile,
            ["acl_file"] = aclFile,
            ["persistence_location"] = persistence,
            ["listener"] = string.Create(CultureInfo.InvariantCulture, $"{port} 127.0.0.1"),
            ["log_dest"] = "stdout",
        };
        var lines = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(config, "mosquitto.conf"), ct))
        {
            var key = line.Split(' ', 2)[0];
            if (key.StartsWith('#') || !overrides.TryGetValue(key, out var value))
            {
                // Connection messages for 100 printers at every restart are noise here, unless the folder is kept to be read.
                lines.Add(!keepFolder && line is "connection_messages true" or "log_type information" or "log_type notice" ? "# " + line : line);
                continue;
            }

            lines.Add($"{key} {value}");
            overrides.Remove(key);
        }

        lines.AddRange(overrides.Select(o => $"{o.Key} {o.Value}"));
        if (keepFolder)
        {
            lines.Add($"log_dest file {Path.Combine(folder, "mosquitto.log")}");
        }
        if (Environment.UserName.Length > 0)
        {
            // Only honoured when started as root (Mosquitto otherwise drops to the 'mosquitto' user and cannot read the folder).
            lines.Add($"user {Environment.UserName}");
        }

        var configPath = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllLinesAsync(configPath, lines, ct);
        var broker = new MosquittoProcess(executable, configPath, folder, port, keepFolder);
        await broker.LaunchAsync(ct);
        return broker;
    }

    /// <summary>SIGKILL: no autosave, no last wills sent in order; then a new broker on the same port and persistence after <paramref name="downtime"/>.</summary>
    public async Task KillAndRestartAsync(TimeSpan downtime, CancellationToken ct)
    {
        await KillAsync();
        await Task.Delay(downtime, ct);
        await LaunchAsync(ct);
        Restarts++;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        if (_keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _process.Dispose();
        _process = null;
    }

    private async Task LaunchAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var output = new StringBuilder();
        while (true)
        {
            var startInfo = new ProcessStartInfo(_executable) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _folder };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(_configPath);
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start mosquitto.");
            process.OutputDataReceived += (_, e) => Keep(output, e.Data);
            process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
            while (!process.HasExited && clock.Elapsed < StartupTimeout)
            {
                if (await AcceptsAsync(ct))
                {
                    return;
                }

                await Task.Delay(100, ct);
            }

            if (clock.Elapsed >= StartupTimeout)
            {
                throw new TimeoutException($"Mosquitto did not listen on {Port} within {StartupTimeout.TotalSeconds:0} s: {output}");
            }

            // Exited: the port may still be held by the killed broker's socket for a moment; try again on the same port.
            process.Dispose();
            _process = null;
            await Task.Delay(500, ct);
        }
    }

    private async Task<bool> AcceptsAsync(CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(Host, Port, ct);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Keep(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            if (output.Length < 20_000)
            {
                output.AppendLine(line);
            }
        }
    }

    private static async Task RunToolAsync(string tool, string[] args, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var error = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {error}");
        }
    }

    private static string Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Append("/usr/sbin").Append("/usr/local/sbin"))
        {
            var candidate = Path.Combine(dir, name);
            if (dir.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"'{name}' is not installed (Debian package mosquitto).");
    }
}
