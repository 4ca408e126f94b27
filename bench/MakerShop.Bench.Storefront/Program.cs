using System.Globalization;
using MakerShop.Bench.Hosting;
using MakerShop.Bench.Storefront;

// Usage: dotnet run -c Release --project bench/MakerShop.Bench.Storefront -- [--seconds 15] [--connections 32] [--products 1000] [--ttfb-samples 31]
var seconds = Arg("--seconds", 15);
var connections = Arg("--connections", 32);
var products = Arg("--products", 1000);
var samples = Arg("--ttfb-samples", 31);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
await using var host = await HostProcess.StartAsync(cancel.Token);
using var http = new HttpClient { BaseAddress = host.BaseAddress };
var database = Path.Combine(host.DataDirectory, "makershop.db");
var orderPage = new Uri(host.BaseAddress, await OrderPageSeeder.CreateAsync(http, database, cancel.Token));
var catalog = new Uri(host.BaseAddress, "/");

var results = new List<string>();
async Task LoadAsync(string what, Uri url)
{
    // A short warm-up so JIT and caches are not measured.
    await ExternalTools.WrkAsync(url, 2, connections, 3, cancel.Token);
    var r = await ExternalTools.WrkAsync(url, 2, connections, seconds, cancel.Token);
    results.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {what} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.Requests} | {r.Errors} |"));
}

async Task<(double Median, double P90)> TtfbAsync(Uri url)
{
    var times = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        times.Add(await ExternalTools.TimeToFirstByteMsAsync(url, cancel.Token));
    }

    times.Sort();
    return (times[times.Count / 2], times[(int)(times.Count * 0.9)]);
}

var smallCatalog = await TtfbAsync(catalog);
await LoadAsync("catalog page, 3 products", catalog);
await LoadAsync("order page (3 parts)", orderPage);
var count = await CatalogSeeder.GrowToAsync(database, products, cancel.Token);
var bigCatalog = await TtfbAsync(catalog);
await LoadAsync($"catalog page, {count} products", catalog);

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrk -t2 -c{connections} -d{seconds}s --latency, loopback, {Environment.ProcessorCount} cores"));
Console.WriteLine("| page | requests/s | p50 ms | p99 ms | requests | non-2xx |");
Console.WriteLine("|---|---|---|---|---|---|");
results.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Time to first byte (curl time_starttransfer, {samples} samples): catalog of 3 products median {smallCatalog.Median:0.0} ms (p90 {smallCatalog.P90:0.0}); catalog of {count} products median {bigCatalog.Median:0.0} ms (p90 {bigCatalog.P90:0.0})"));
return 0;

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
