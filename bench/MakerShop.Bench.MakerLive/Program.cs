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
    results.Add(await MeasureAsync("MakerShop: embedded broker -> shop -> SSE (/maker/live)", swarm, delays, host.ProcessId, options.Viewers, options, ct));
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
    results.Add(await MeasureAsync("Mosquitto: broker -> one subscriber", swarm, delays, mosquitto.ProcessId, 1, options, ct));
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

if (results.Count == 2)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Ratio shop/Mosquitto: p50 {results[0].Delay.P50 / results[1].Delay.P50:0.0}x, p99 {results[0].Delay.P99 / results[1].Delay.P99:0.0}x"));
}

if (options.Json is not null)
{
    await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(new { options, results }, new JsonSerializerOptions { WriteIndented = true }), ct);
}

return results.Count > 0 && results[0].Delay.Count > 0 ? 0 : 1;

static async Task<PhaseResult> MeasureAsync(string name, PrinterSwarm swarm, DelayRecorder delays, int serverPid, int receivers, BenchOptions options, CancellationToken ct)
{
    using var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct);
    var run = swarm.RunAsync(publishing.Token);
    Console.WriteLine($"{name}: warming up {options.Warmup} s ...");
    await Task.Delay(TimeSpan.FromSeconds(options.Warmup), ct);

    var server = new ProcessSampler(serverPid);
    var harness = new ProcessSampler(Environment.ProcessId);
    var published = swarm.Published;
    var failed = swarm.Failed;
    var started = DateTimeOffset.UtcNow;
    server.Open();
    harness.Open();
    delays.Open();
    for (var s = 0; s < options.Seconds; s++)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        server.Sample();
        Console.Write('.');
    }

    // Readings published in the window may still be on their way: close the window on publishing first, then wait a moment.
    var window = (DateTimeOffset.UtcNow - started).TotalSeconds;
    var publishedInWindow = swarm.Published - published;
    var (cpu, rssMedian, rssMax) = server.Close();
    var (harnessCpu, _, _) = harness.Close();
    await publishing.CancelAsync();
    await run;
    await Task.Delay(TimeSpan.FromSeconds(2), ct);
    delays.Close();
    Console.WriteLine();
    return new PhaseResult(name, window, publishedInWindow / window, delays.Delivered / (double)receivers / window, delays.Summary(),
        cpu, rssMedian, rssMax, harnessCpu, swarm.Failed - failed);
}
