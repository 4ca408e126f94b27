using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MakerShop.Bench.Hosting;

/// <summary>
/// Runs the shop (src/MakerShop.Web, Release build) as a child process on free loopback ports with a throw-away
/// data folder, the product catalog seeded and no demo fleet. Killed and cleaned up on dispose.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private const int MaxOutputLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _outputGate = new();
    private readonly string _dataDir;
    private readonly bool _keepDataDir;

    private HostProcess(Process process, string dataDir, Uri baseAddress, int mqttPort, bool keepDataDir = false)
    {
        _process = process;
        _dataDir = dataDir;
        _keepDataDir = keepDataDir;
        BaseAddress = baseAddress;
        MqttPort = mqttPort;
    }

    public Uri BaseAddress { get; }

    /// <summary>The embedded MQTT broker's loopback port.</summary>
    public int MqttPort { get; }

    /// <summary>The host's process id, for reading its CPU time and memory.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The host's throw-away data folder (its SQLite file is <c>makershop.db</c> in it).</summary>
    public string DataDirectory => _dataDir;

    public string RecentOutput
    {
        get
        {
            lock (_outputGate)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>Starts the host; <paramref name="environment"/> adds or overrides settings (e.g. <c>MakerShop__Telemetry__SampleSeconds</c>).</summary>
    public static Task<HostProcess> StartAsync(CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(new HostLaunch { Environment = environment }, ct);

    /// <summary>
    /// Starts the host as <paramref name="launch"/> says: a fixed data folder and ports let a harness kill it
    /// (<see cref="KillAsync"/>) and start it again on the same database, as after a power cut.
    /// </summary>
    public static async Task<HostProcess> StartAsync(HostLaunch launch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var environment = launch.Environment;
        var repoRoot = FindRepoRoot();
        var webProject = Path.Combine(repoRoot, "src", "MakerShop.Web", "MakerShop.Web.csproj");
        var hostDll = Path.Combine(repoRoot, "src", "MakerShop.Web", "bin", "Release", "net10.0", "MakerShop.Web.dll");
        if (!File.Exists(hostDll))
        {
            Console.WriteLine($"Building the host (missing {hostDll}) ...");
            await BuildAsync(webProject, ct);
            if (!File.Exists(hostDll))
            {
                throw new InvalidOperationException($"The build succeeded but {hostDll} does not exist.");
            }
        }

        var httpPort = launch.HttpPort ?? GetFreeLoopbackPort();
        var mqttPort = launch.MqttPort ?? GetFreeLoopbackPort();
        var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/"));
        var dataDir = launch.DataDirectory ?? Directory.CreateTempSubdirectory("makershop-bench-").FullName;
        Directory.CreateDirectory(dataDir);

        var startInfo = new ProcessStartInfo(DotnetExecutable())
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        startInfo.ArgumentList.Add(hostDll);
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority);
        startInfo.Environment["MakerShop__Storage__DataDirectory"] = dataDir;
        startInfo.Environment["MakerShop__Demo__Enabled"] = "false";
        startInfo.Environment["MakerShop__Demo__SeedCatalog"] = "true";
        startInfo.Environment["MakerShop__Demo__Fleet__Count"] = "0";
        startInfo.Environment["MakerShop__Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        // A load harness is one client address sending thousands of requests: lift the per-address limits for it.
        startInfo.Environment["MakerShop__RateLimits__OrdersPerWindow"] = "1000000";
        startInfo.Environment["MakerShop__RateLimits__RequestsPerWindow"] = "1000000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var host = new HostProcess(process, dataDir, baseAddress, mqttPort, launch.KeepDataDirectory);
        process.OutputDataReceived += (_, e) => host.AddOutput(e.Data);
        process.ErrorDataReceived += (_, e) => host.AddOutput(e.Data);
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Console.WriteLine($"Started the host (pid {process.Id}) on {baseAddress}, data in {dataDir}");
            await host.WaitUntilHealthyAsync(launch.StartupTimeout ?? StartupTimeout, ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Kills the host at once (SIGKILL on Linux: no shutdown hooks, no flush), as a power cut or an OOM kill would, and
    /// waits until it is gone. The data folder stays, so a new host can start on it.
    /// </summary>
    public async Task KillAsync(CancellationToken ct = default)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
    }

    /// <summary>Whether the host process has exited (killed, or crashed on its own).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The folder holding MakerShop.sln (config/, src/), found above the harness or the current directory.</summary>
    public static string RepositoryRoot() => FindRepoRoot();

    /// <summary>The dotnet executable that runs the host.</summary>
    public static string Dotnet() => DotnetExecutable();

    /// <summary>A free TCP port on loopback, for a harness that needs a port before it starts the host.</summary>
    public static int FreeLoopbackPort() => GetFreeLoopbackPort();

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        catch (TimeoutException)
        {
            Console.Error.WriteLine($"The host (pid {_process.Id}) did not exit within 15 s of being killed.");
        }
        finally
        {
            _process.Dispose();
        }

        if (_keepDataDir)
        {
            return;
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan startupTimeout, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        string lastProblem = "no answer yet";
        while (clock.Elapsed < startupTimeout)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The host exited with code {_process.ExitCode} before becoming healthy. Its output:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Console.WriteLine($"Host healthy after {clock.Elapsed.TotalSeconds:0.0} s.");
                    return;
                }

                lastProblem = $"GET /health returned {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                lastProblem = ex.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                lastProblem = "GET /health timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }

        throw new TimeoutException(
            $"The host did not become healthy within {startupTimeout.TotalSeconds:0} s ({lastProblem}). Its output:{Environment.NewLine}{RecentOutput}");
    }

    private void AddOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private static async Task BuildAsync(string project, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(DotnetExecutable()) { UseShellExecute = false };
        foreach (var arg in new[] { "build", "-c", "Release", project, "--nologo", "-v", "minimal" })
        {
            startInfo.ArgumentList.Add(arg);
        }

        using var build = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start 'dotnet build'.");
        try
        {
            await build.WaitForExitAsync(ct).WaitAsync(BuildTimeout, ct);
        }
        catch (TimeoutException)
        {
            build.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet build {project}' did not finish within {BuildTimeout.TotalMinutes:0} min.");
        }

        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet build -c Release {project}' failed with exit code {build.ExitCode}.");
        }
    }

    private static string DotnetExecutable()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MakerShop.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find MakerShop.sln above the harness or the current directory; pass --url instead.");
    }

    private static int GetFreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
