using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using MakerShop.Bench.Hosting;

namespace MakerShop.Bench.Soak;

/// <summary>
/// One accelerated soak: Mosquitto, the host (a child process) and the fleet start; orders arrive through the simulated
/// days while host, broker and bridge restarts are injected at random moments; production drains; the database is audited.
/// </summary>
public sealed class SoakRun
{
    private const string ShopUser = "makershop-shop";
    private const string Product = "calibration-cube";

    private readonly SoakOptions _options;
    private readonly Action<string> _log;
    private readonly Stopwatch _clock = new();
    private readonly Lock _hostGate = new();
    private HostProcess? _host;
    private int _hostRestarts;

    private SoakRun(SoakOptions options, Action<string> log)
    {
        _options = options;
        _log = log;
    }

    public static Task<SoakResult> RunAsync(SoakOptions options, Action<string> log, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        return new SoakRun(options, log).RunAsync(ct);
    }

    private int? CurrentHostPid
    {
        get
        {
            lock (_hostGate)
            {
                return _host is { HasExited: false } host ? host.ProcessId : null;
            }
        }
    }

    private async Task<SoakResult> RunAsync(CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("makershop-soak-").FullName;
        var dataDir = Path.Combine(root, "data");
        var random = new Random(_options.Seed);
        var secrets = SoakFleet.NewSecrets(_options.Printers);
        var shopPassword = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var users = new Dictionary<string, string>(secrets, StringComparer.Ordinal) { [ShopUser] = shopPassword };

        await using var broker = await MosquittoProcess.StartAsync(Path.Combine(root, "mosquitto"), users, _options.KeepFiles, ct);
        _log($"Mosquitto on {broker.Host}:{broker.Port}");
        var environment = new Dictionary<string, string>
        {
            // Payment is confirmed at placement, which only the Testing environment allows: the soak is about production.
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["MakerShop__Payments__ConfirmOnPlacement"] = "true",
            ["MakerShop__Mqtt__Mode"] = "External",
            ["MakerShop__Mqtt__Host"] = broker.Host,
            ["MakerShop__Mqtt__ShopUsername"] = ShopUser,
            ["MakerShop__Mqtt__ShopPassword"] = shopPassword,
            ["MakerShop__Dispatch__IntervalSeconds"] = "2",
            ["MakerShop__Dispatch__CommandResendSeconds"] = "2",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        if (_options.KeepFiles)
        {
            // Read afterwards: every connect of the shop's MQTT client and what it did with each printer's reports.
            environment["Serilog__MinimumLevel__Override__MakerShop.Printers.Mqtt"] = "Information";
            environment["Serilog__MinimumLevel__Override__MakerShop.Web.Production"] = "Information";
        }

        var launch = new HostLaunch
        {
            DataDirectory = dataDir,
            HttpPort = HostProcess.FreeLoopbackPort(),
            MqttPort = broker.Port,
            KeepDataDirectory = true,
            StartupTimeout = TimeSpan.FromMinutes(3),
            Environment = environment,
        };

        SoakFleet? fleet = null;
        try
        {
            var host = await HostProcess.StartAsync(launch, ct);
            lock (_hostGate)
            {
                _host = host;
            }

            await SoakFleet.RegisterAsync(dataDir, secrets, ct);
            fleet = await SoakFleet.StartAsync(secrets, broker.Host, broker.Port, _options, Path.Combine(root, "bridges"), ct);
            _log($"Host on {host.BaseAddress} (pid {host.ProcessId}), {fleet.Count} printers with their bridges");

            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 16, PooledConnectionLifetime = TimeSpan.FromSeconds(30), UseProxy = false };
            using var http = new HttpClient(handler) { BaseAddress = host.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
            await RequireProductAsync(http, ct);

            var traffic = new OrderTraffic(http, TimeSpan.FromMinutes(5));
            var bodies = new OrderBodies(Product, random);
            var arrivals = PlanArrivals(random, bodies);
            var faults = PlanFaults(random);
            _log(string.Create(CultureInfo.InvariantCulture,
                $"Plan: {arrivals.Count} requests over {_options.SimulatedDays} simulated days ({_options.RealSpan.TotalSeconds:0} s real), faults at {string.Join(", ", faults.Select(f => $"{f.At.TotalSeconds:0}s {f.Kind}"))}"));

            var sampler = new RssSampler(() => CurrentHostPid);
            using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(ct);
            _clock.Start();
            var sampling = sampler.RunAsync(() => _clock.Elapsed, stopSampling.Token);
            var dayEnds = new List<DayEnd>();
            var dayTicks = RecordDayEndsAsync(sampler, dayEnds, ct);
            var injecting = InjectAsync(faults, launch, broker, fleet, random, ct);

            var sends = new List<Task>();
            foreach (var (at, request) in arrivals)
            {
                await WaitUntilAsync(at, ct);
                sends.Add(traffic.SendAsync(request, ct));
            }

            await injecting;
            await Task.WhenAll(sends);
            await dayTicks;
            var arrivalWall = _clock.Elapsed;
            _log(string.Create(CultureInfo.InvariantCulture,
                $"Arrivals done at {arrivalWall.TotalSeconds:0} s: {traffic.Accepted.Count} orders accepted, {traffic.Retries} retries, {_hostRestarts} host / {broker.Restarts} broker / {fleet.BridgeRestarts} bridge restarts"));

            var drained = await DrainAsync(dataDir, ct);
            var drainWall = _clock.Elapsed - arrivalWall;
            var rssAfterDrain = sampler.Read();
            await stopSampling.CancelAsync();
            await sampling;

            await StopHostAsync();
            var bridgeRestarts = fleet.BridgeRestarts;
            await fleet.DisposeAsync();
            fleet = null;
            var outcome = await SoakAudit.RunAsync(dataDir, traffic, ct);
            return new SoakResult(
                _options, outcome, arrivals.Count, traffic.CorruptKeys.Count, traffic.CorruptOutcomes, traffic.Retries, traffic.Unanswered, traffic.GoodRefused,
                _hostRestarts, broker.Restarts, bridgeRestarts, sampler.PeakKilobytes, dayEnds, rssAfterDrain, drained, arrivalWall, drainWall, _clock.Elapsed, [.. traffic.Problems]);
        }
        finally
        {
            await StopHostAsync();
            if (fleet is not null)
            {
                await fleet.DisposeAsync();
            }

            if (_options.KeepFiles)
            {
                _log($"Kept the run's folder: {root}");
            }
            else
            {
                TryDelete(root);
            }
        }
    }

    private List<(TimeSpan At, OrderRequest Request)> PlanArrivals(Random random, OrderBodies bodies)
    {
        var arrivals = new List<(TimeSpan, OrderRequest)>();
        var sequence = 0;
        for (var day = 0; day < _options.SimulatedDays; day++)
        {
            var times = Enumerable.Range(0, _options.OrdersPerDay).Select(_ => _options.RealDay * (day + random.NextDouble())).Order();
            foreach (var at in times)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"soak-{_options.Seed}-{sequence++:000000}");
                arrivals.Add((at, random.NextDouble() < _options.CorruptOrderShare ? bodies.Corrupted(key + "-bad") : bodies.Good(key)));
            }
        }

        return arrivals;
    }

    private List<(TimeSpan At, string Kind)> PlanFaults(Random random)
    {
        TimeSpan Somewhere() => _options.RealSpan * (0.05 + (0.85 * random.NextDouble()));
        return Enumerable.Repeat("host", _options.HostRestarts)
            .Concat(Enumerable.Repeat("broker", _options.BrokerRestarts))
            .Concat(Enumerable.Repeat("bridge", _options.BridgeRestarts))
            .Select(kind => (Somewhere(), kind))
            .OrderBy(f => f.Item1)
            .ToList();
    }

    private async Task InjectAsync(List<(TimeSpan At, string Kind)> faults, HostLaunch launch, MosquittoProcess broker, SoakFleet fleet, Random random, CancellationToken ct)
    {
        foreach (var (at, kind) in faults)
        {
            await WaitUntilAsync(at, ct);
            switch (kind)
            {
                case "host":
                    await RestartHostAsync(launch, ct);
                    break;
                case "broker":
                    _log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0} s: kill -9 Mosquitto, restart in {_options.Downtime.TotalSeconds:0} s"));
                    await broker.KillAndRestartAsync(_options.Downtime, ct);
                    break;
                default:
                    var index = random.Next(fleet.Count);
                    _log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0} s: restart the bridge of {SoakFleet.PrinterId(index)}"));
                    await fleet.RestartBridgeAsync(index, ct);
                    break;
            }
        }
    }

    private async Task RestartHostAsync(HostLaunch launch, CancellationToken ct)
    {
        HostProcess? old;
        lock (_hostGate)
        {
            old = _host;
            _host = null;
        }

        _log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0} s: kill -9 the host (pid {old?.ProcessId}), restart in {_options.Downtime.TotalSeconds:0} s"));
        if (old is not null)
        {
            await old.KillAsync(ct);
            await old.DisposeAsync();
        }

        await Task.Delay(_options.Downtime, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var started = await HostProcess.StartAsync(launch, ct);
                lock (_hostGate)
                {
                    _host = started;
                }

                _hostRestarts++;
                _log(string.Create(CultureInfo.InvariantCulture, $"{_clock.Elapsed.TotalSeconds:0} s: host back (pid {started.ProcessId})"));
                return;
            }
            catch (Exception ex) when (attempt < 3 && ex is InvalidOperationException or TimeoutException)
            {
                // The killed host's listening socket can linger for a moment; the next try binds the same port.
                _log($"host restart attempt {attempt} failed: {ex.Message.Split(Environment.NewLine)[0]}");
            }
        }
    }

    private async Task RecordDayEndsAsync(RssSampler sampler, List<DayEnd> dayEnds, CancellationToken ct)
    {
        for (var day = 1; day <= _options.SimulatedDays; day++)
        {
            await WaitUntilAsync(_options.RealDay * day, ct);
            var rss = sampler.Read();
            for (var wait = 0; rss is null && wait < 120; wait++)
            {
                // The day ended while the host was down for a restart: read the new host once it runs.
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                rss = sampler.Read();
            }

            dayEnds.Add(new DayEnd(day, rss, _hostRestarts));
            _log(string.Create(CultureInfo.InvariantCulture, $"end of simulated day {day} at {_clock.Elapsed.TotalSeconds:0} s: host RSS {(rss is { } kb ? $"{kb / 1024.0:0} MB" : "-")}"));
        }
    }

    /// <summary>Waits until no job is queued or on a printer, seen twice 5 s apart, or the drain timeout.</summary>
    private async Task<bool> DrainAsync(string dataDir, CancellationToken ct)
    {
        var deadline = _clock.Elapsed + _options.DrainTimeout;
        var quietSince = (TimeSpan?)null;
        var lastLog = TimeSpan.Zero;
        while (_clock.Elapsed < deadline)
        {
            var (queued, inFlight) = await SoakAudit.CountUnfinishedAsync(dataDir, ct);
            if (queued == 0 && inFlight == 0)
            {
                quietSince ??= _clock.Elapsed;
                if (_clock.Elapsed - quietSince >= TimeSpan.FromSeconds(5))
                {
                    _log(string.Create(CultureInfo.InvariantCulture, $"Drained at {_clock.Elapsed.TotalSeconds:0} s"));
                    return true;
                }
            }
            else
            {
                quietSince = null;
                if (_clock.Elapsed - lastLog > TimeSpan.FromSeconds(30))
                {
                    lastLog = _clock.Elapsed;
                    _log(string.Create(CultureInfo.InvariantCulture, $"draining at {_clock.Elapsed.TotalSeconds:0} s: {queued} queued, {inFlight} on printers"));
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        _log("Drain timed out");
        return false;
    }

    private async Task StopHostAsync()
    {
        HostProcess? host;
        lock (_hostGate)
        {
            host = _host;
            _host = null;
        }

        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    private async Task WaitUntilAsync(TimeSpan at, CancellationToken ct)
    {
        var wait = at - _clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    private static async Task RequireProductAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri("api/products", UriKind.Relative), ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.EnumerateArray().Any(p => p.TryGetProperty("id", out var id) && id.GetString() == Product))
        {
            throw new InvalidOperationException($"The seeded catalog has no '{Product}': {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
