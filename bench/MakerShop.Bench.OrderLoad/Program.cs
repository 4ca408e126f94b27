using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MakerShop.Bench.Hosting;
using MakerShop.Bench.OrderLoad;

var options = Options.Parse(args, out var error);
if (options is null)
{
    if (!string.IsNullOrEmpty(error))
    {
        Console.Error.WriteLine(error);
    }

    Console.Error.WriteLine(Options.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

HostProcess? host = null;
try
{
    Uri baseAddress;
    if (options.Url is null)
    {
        host = await HostProcess.StartAsync(cancel.Token);
        baseAddress = host.BaseAddress;
    }
    else
    {
        baseAddress = options.Url.AbsoluteUri.EndsWith('/') ? options.Url : new Uri(options.Url.AbsoluteUri + "/");
    }

    using var handler = new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        UseProxy = false,
    };
    using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    var runner = new LoadRunner(http, options);

    var product = await runner.ChooseProductAsync(cancel.Token);
    Console.WriteLine($"Product {product.ProductId} ({product.Material}, {product.Colour}) at {baseAddress}");

    if (options.Warmup > 0)
    {
        Console.WriteLine($"Warm-up: {options.Warmup} orders ...");
        var warmup = await runner.PlaceOrdersAsync(product, options.Warmup, "warmup", cancel.Token);
        if (warmup.Errors > 0)
        {
            Console.WriteLine($"Warm-up had {warmup.Errors} errors: {string.Join("; ", warmup.SampleErrors)}");
        }
    }

    Console.WriteLine($"Measuring: {options.Orders} orders, {options.Concurrency} concurrent workers ...");
    var result = await runner.PlaceOrdersAsync(product, options.Orders, "run", cancel.Token);

    Report.Print(options, baseAddress, host is not null, result);
    if (options.JsonPath is not null)
    {
        await Report.WriteJsonAsync(options.JsonPath, options, baseAddress, host is not null, result, cancel.Token);
        Console.WriteLine($"Wrote {options.JsonPath}");
    }

    return result.Errors == 0 && result.Placed == options.Orders ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    Console.Error.WriteLine("Cancelled.");
    return 130;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or JsonException)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 1;
}
finally
{
    if (host is not null)
    {
        await host.DisposeAsync();
    }
}

/// <summary>Prints the results table and writes the optional JSON file.</summary>
internal static class Report
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Print(Options options, Uri baseAddress, bool startedHost, RunResult r)
    {
        static string Ms(double v) => double.IsNaN(v) ? "-" : v.ToString("0.00", CultureInfo.InvariantCulture);
        var ic = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("Order placement over HTTP (POST /api/orders)");
        Console.WriteLine(string.Create(ic, $"  {"target",-16}{baseAddress}{(startedHost ? " (host started by the harness)" : string.Empty)}"));
        Console.WriteLine(string.Create(ic, $"  {"machine",-16}{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"));
        Console.WriteLine(string.Create(ic, $"  {"orders",-16}{r.Requested} (warm-up {options.Warmup}, concurrency {options.Concurrency})"));
        Console.WriteLine(string.Create(ic, $"  {"placed (201)",-16}{r.Placed}"));
        Console.WriteLine(string.Create(ic, $"  {"errors",-16}{r.Errors}{(r.ErrorsByKind.Count > 0 ? "  (" + string.Join(", ", r.ErrorsByKind.Select(kv => $"{kv.Key}: {kv.Value}")) + ")" : string.Empty)}"));
        Console.WriteLine(string.Create(ic, $"  {"wall time",-16}{r.WallTime.TotalSeconds:0.000} s{(r.StoppedAtTimeLimit ? "  (stopped at --max-seconds)" : string.Empty)}"));
        Console.WriteLine(string.Create(ic, $"  {"throughput",-16}{r.OrdersPerSecond:0.0} orders/s"));
        Console.WriteLine();
        Console.WriteLine("  latency (ms)      p50       p90       p99       max");
        Console.WriteLine(string.Create(ic, $"  {string.Empty,-12}{Ms(r.Latency.P50),10}{Ms(r.Latency.P90),10}{Ms(r.Latency.P99),10}{Ms(r.Latency.Max),10}"));
        foreach (var sample in r.SampleErrors)
        {
            Console.WriteLine($"  sample error: {sample}");
        }
    }

    public static async Task WriteJsonAsync(string path, Options options, Uri baseAddress, bool startedHost, RunResult r, CancellationToken ct)
    {
        static double? Num(double v) => double.IsNaN(v) ? null : Math.Round(v, 3);
        var document = new
        {
            benchmark = "order-placement-http",
            timestampUtc = DateTimeOffset.UtcNow,
            target = baseAddress.ToString(),
            hostStartedByHarness = startedHost,
            machine = new
            {
                cores = Environment.ProcessorCount,
                os = RuntimeInformation.OSDescription,
                runtime = RuntimeInformation.FrameworkDescription,
            },
            orders = r.Requested,
            warmup = options.Warmup,
            concurrency = options.Concurrency,
            placed = r.Placed,
            errors = r.Errors,
            errorsByKind = r.ErrorsByKind,
            stoppedAtTimeLimit = r.StoppedAtTimeLimit,
            wallTimeSeconds = Math.Round(r.WallTime.TotalSeconds, 3),
            ordersPerSecond = Math.Round(r.OrdersPerSecond, 1),
            latencyMs = new
            {
                p50 = Num(r.Latency.P50),
                p90 = Num(r.Latency.P90),
                p99 = Num(r.Latency.P99),
                max = Num(r.Latency.Max),
                mean = Num(r.Latency.Mean),
            },
        };

        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        await using var stream = File.Create(fullPath);
        await JsonSerializer.SerializeAsync(stream, document, Indented, ct);
    }
}
