using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Web;
using MakerShop.Web.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.Bench.Geometry;

/// <summary>
/// Upload-to-quote time through the real host (Kestrel, SQLite, PrusaSlicer): the first upload of a model slices it,
/// each repeat finds the slice in the cache. Medians over the repeats.
/// </summary>
public static class QuoteTiming
{
    public static async Task<int> RunAsync(string model, int runs)
    {
        var data = Path.Combine(Path.GetTempPath(), "makershop-bench-quote-" + Guid.NewGuid().ToString("N"));
        var http = FreePort();
        var mqtt = FreePort();
        var app = MakerShopHost.Create(
        [
            $"--urls=http://127.0.0.1:{http}", "--environment=Production", $"--MakerShop:Storage:DataDirectory={data}",
            $"--MakerShop:Mqtt:Port={mqtt}", "--MakerShop:Demo:Enabled=false", "--Serilog:MinimumLevel:Default=Warning",
        ]);
        await app.StartAsync();
        try
        {
            // One printer in the fleet, so the fit check has a build volume to compare with.
            await app.Services.GetRequiredService<PrinterRegistry>().RegisterAsync(
                new PrinterRegistration("bench-printer", "Bench", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", AutoEject: true));
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromMinutes(5) };
            var bytes = await File.ReadAllBytesAsync(model);
            var cold = await TimeAsync(client, bytes, Path.GetFileName(model), expectCache: false);
            var warm = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                warm.Add(await TimeAsync(client, bytes, Path.GetFileName(model), expectCache: true));
            }

            warm.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"{Path.GetFileName(model)}: upload-to-quote without cache {cold:F0} ms; with cache median {warm[warm.Count / 2]:F0} ms (min {warm[0]:F0}, max {warm[^1]:F0}, {runs} runs)"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<double> TimeAsync(HttpClient client, byte[] bytes, string name, bool expectCache)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsync("/api/quotes", form);
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"POST /api/quotes answered {(int)response.StatusCode}: {body}");
        }

        var fromCache = JsonNode.Parse(body)!["slice"]!["fromCache"]!.GetValue<bool>();
        if (fromCache != expectCache)
        {
            throw new InvalidOperationException($"expected fromCache={expectCache.ToString(CultureInfo.InvariantCulture)}, got {body}");
        }

        return elapsed;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
