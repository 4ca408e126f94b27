using System.Globalization;
using System.Text.Json;
using MakerShop.Bench.Hosting;
using MakerShop.Bench.MakerLive;

// Live maker grid under load: N printers publish telemetry once a second through the shop's embedded broker while
// V signed-in browsers hold /maker/live open; then the same publish load through Mosquitto to one subscriber.
var options = BenchOptions.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
var ct = stop.Token;
var results = new List<PhaseResult>();

await using (var host = await HostProcess.StartAsync(ct))
{
    var credentials = await FleetSeeder.SeedAsync(host.DataDirectory, options.Printers, ct);
    var cookies = await MakerSignIn.SignInAsync(host.BaseAddress, FleetSeeder.Email, FleetSeeder.Password, ct);
    var delays = new DelayRecorder();
    using var viewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var viewers = Enumerable.Range(0, options.Viewers).Select(_ => new LiveViewer(host.BaseAddress, cookies, delays)).ToList();
    var opened = viewers.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
    var viewerTasks = viewers.Select((v, i) => Task.Run(() => v.RunAsync(opened[i], viewing.Token), ct)).ToList();
    await Task.WhenAll(opened.Select(o => o.Task)).WaitAsync(TimeSpan.FromSeconds(60), ct);
    Console.WriteLine($"{options.Viewers} live grids open; connecting {options.Printers} printers to the embedded broker ...");

    await using var swarm = await PrinterSwarm.ConnectAsync("127.0.0.1", host.MqttPort, credentials, anonymous: false, publishState: true, ct);
    results.AddRange(await MeasureAsync("MakerShop: embedded broker -> shop -> SSE (/maker/live)", swarm, delays, host.ProcessId, options.Viewers, options,
        ct => FleetState.OnlineAsync(host.DataDirectory, ct), ct));
    foreach (var line in host.RecentOutput.Split('\n').Where(l => l.Contains("WRN]", StringComparison.Ordinal) || l.Contains("ERR]", StringComparison.Ordinal)).TakeLast(10))
    {
        Console.WriteLine("host: " + line);
    }

    await viewing.CancelAsync();
    await Task.WhenAll(viewerTasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
    Console.WriteLine($"Snapshots (full printer lists) received per grid: {viewers.Average(v => v.Snapshots):0.0}; events per grid: {viewers.Average(v => v.Events):0}");
}

if (options.Peer)
{
    await using var mosquitto = await MosquittoPeer.StartAsync(ct);
    var delays = new DelayRecorder();
    using var subscriber = await mosquitto.SubscribeAsync(delays, ct);
    var anonymous = Enumerable.Range(1, options.Printers).Select(i => (string.Create(CultureInfo.InvariantCulture, $"bench-{i:0000}"), "")).ToList();
    Console.WriteLine($"Connecting {options.Printers} printers to Mosquitto ...");
    await using var swarm = await PrinterSwarm.ConnectAsync("127.0.0.1", mosquitto.Port, anonymous, anonymous: true, publishState: false, ct);
    results.AddRange(await MeasureAsync("Mosquitto: broker -> one subscriber", swarm, delays, mosquitto.ProcessId, 1, options, online: null, ct));
}

Console.WriteLine();
Console.WriteLine($"{options.Printers} printers x 1 msg/s, {options.Viewers} live grids, {options.Seconds} s measured after {options.Warmup} s warm-up, {Environment.ProcessorCount} cores");
Console.WriteLine("| path | published/s | delivered/s per receiver | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | server CPU (% of 1 core) | server RSS median / max (MB) | harness CPU (%) | publish failures |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.PublishedPerSecond:0} | {r.DeliveredPerSecondPerReceiver:0} | {r.Delay.P50:0.0} | {r.Delay.P90:0.0} | {r.Delay.P99:0.0} | {r.Delay.Max:0.0} | {r.ServerCpuPercent:0} | {r.ServerRssMedianMb:0} / {r.ServerRssMaxMb:0} | {r.HarnessCpuPercent:0} | {r.PublishFailures} |"));
}

if (results.Count == 3)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Ratio shop (steady) / Mosquitto: p50 {results[1].Delay.P50 / results[2].Delay.P50:0.0}x, p99 {results[1].Delay.P99 / results[2].Delay.P99:0.0}x"));
}

if (options.Json is not null)
{
    await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(new { options, results }, new JsonSerializerOptions { WriteIndented = true }), ct);
}

return results.Count > 0 && results.All(r => r.Delay.Count > 0) ? 0 : 1;

// With a readiness probe (the shop), the first window runs from the printers' connect until the shop has applied every
// printer's retained state ("reconnect wave", as after a shop restart), and the second is the steady state after it.
static async Task<List<PhaseResult>> MeasureAsync(
    string name, PrinterSwarm swarm, DelayRecorder delays, int serverPid, int receivers, BenchOptions options, Func<CancellationToken, Task<long>>? online, CancellationToken ct)
{
    using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var run = swarm.RunAsync(publishing.Token);
    var phases = new List<PhaseResult>();
    if (online is not null)
    {
        var wave = Window.Open(swarm, delays, serverPid);
        while (await online(ct) < options.Printers && wave.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            wave.Sample();
        }

        phases.Add(wave.Close(name + ", reconnect wave (until every printer is online)", receivers, swarm, delays));
        Console.WriteLine($"{name}: all {options.Printers} printers online after {wave.Elapsed.TotalSeconds:0.0} s");
    }

    Console.WriteLine($"{name}: warming up {options.Warmup} s ...");
    await Task.Delay(TimeSpan.FromSeconds(options.Warmup), ct);
    var window = Window.Open(swarm, delays, serverPid);
    for (var s = 0; s < options.Seconds; s++)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        window.Sample();
        Console.Write('.');
    }

    Console.WriteLine();
    await publishing.CancelAsync();
    await run;
    // Readings published in the window may still be on their way.
    await Task.Delay(TimeSpan.FromSeconds(2), ct);
    phases.Add(window.Close(name + (online is null ? "" : ", steady state"), receivers, swarm, delays));
    return phases;
}

/// <summary>One measurement window: publishes, deliveries, delays and the server's and harness's CPU and memory.</summary>
internal sealed class Window
{
    private readonly ProcessSampler _server;
    private readonly ProcessSampler _harness;
    private readonly long _published;
    private readonly long _failed;
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private double? _publishSeconds;
    private long? _publishedInWindow;

    private Window(ProcessSampler server, ProcessSampler harness, long published, long failed)
    {
        (_server, _harness, _published, _failed) = (server, harness, published, failed);
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    public static Window Open(PrinterSwarm swarm, DelayRecorder delays, int serverPid)
    {
        var window = new Window(new ProcessSampler(serverPid), new ProcessSampler(Environment.ProcessId), swarm.Published, swarm.Failed);
        window._server.Open();
        window._harness.Open();
        delays.Open();
        return window;
    }

    public void Sample()
    {
        _server.Sample();
        _publishSeconds = _clock.Elapsed.TotalSeconds;
    }

    public PhaseResult Close(string name, int receivers, PrinterSwarm swarm, DelayRecorder delays)
    {
        var seconds = _publishSeconds ?? _clock.Elapsed.TotalSeconds;
        _publishedInWindow ??= swarm.Published - _published;
        var (cpu, rssMedian, rssMax) = _server.Close();
        var (harnessCpu, _, _) = _harness.Close();
        delays.Close();
        Console.WriteLine(name + ":");
        foreach (var line in delays.Timeline())
        {
            Console.WriteLine(line);
        }

        return new PhaseResult(name, seconds, _publishedInWindow.Value / seconds, delays.Delivered / (double)receivers / seconds, delays.Summary(),
            cpu, rssMedian, rssMax, harnessCpu, swarm.Failed - _failed);
    }
}
