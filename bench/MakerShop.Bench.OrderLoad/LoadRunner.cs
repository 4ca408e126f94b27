using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MakerShop.Bench.OrderLoad;

/// <summary>The product an order is placed for: the catalog's first product, with its first material and colour.</summary>
internal sealed record ProductChoice(string ProductId, string Material, string Colour);

/// <summary>Outcome of one measured phase.</summary>
internal sealed record RunResult(
    int Requested,
    int Placed,
    int Errors,
    TimeSpan WallTime,
    LatencyStats Latency,
    IReadOnlyDictionary<string, int> ErrorsByKind,
    IReadOnlyList<string> SampleErrors,
    bool StoppedAtTimeLimit)
{
    public double OrdersPerSecond => WallTime > TimeSpan.Zero ? Placed / WallTime.TotalSeconds : 0;
}

/// <summary>Places orders with POST /api/orders from a fixed number of concurrent workers.</summary>
internal sealed class LoadRunner(HttpClient http, Options options)
{
    private const int MaxSampleErrors = 5;
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly Uri ProductsPath = new("api/products", UriKind.Relative);
    private static readonly Uri OrdersPath = new("api/orders", UriKind.Relative);
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    public async Task<ProductChoice> ChooseProductAsync(CancellationToken ct)
    {
        using var response = await http.GetAsync(ProductsPath, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/products returned {(int)response.StatusCode}: {Truncate(body)}");
        }

        using var doc = JsonDocument.Parse(body);
        if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"GET /api/products returned no products (is the catalog seeded?): {Truncate(body)}");
        }

        var product = doc.RootElement[0];
        var id = GetString(product, "id");
        if (!product.TryGetProperty("materials", out var materials) || materials.ValueKind != JsonValueKind.Array || materials.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"Product '{id}' has no materials: {Truncate(product.GetRawText())}");
        }

        var first = materials[0];
        return new ProductChoice(id, GetString(first, "material"), GetString(first, "colour"));
    }

    /// <summary>Places <paramref name="count"/> orders; idempotency keys are unique per run and phase.</summary>
    public async Task<RunResult> PlaceOrdersAsync(ProductChoice product, int count, string phase, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(OrderBody(product), WebJson);
        var runId = Guid.NewGuid().ToString("N");
        var latencies = new double[count];
        var succeeded = new bool[count];
        var errorsByKind = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var samples = new ConcurrentQueue<string>();
        var next = -1;

        using var timeLimit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeLimit.CancelAfter(options.MaxDuration);

        async Task WorkerAsync()
        {
            while (!timeLimit.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count)
                {
                    return;
                }

                var start = Stopwatch.GetTimestamp();
                var kind = await PlaceOneAsync(body, $"bench-{phase}-{runId}-{i}", samples, timeLimit.Token);
                if (kind is null)
                {
                    latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    succeeded[i] = true;
                }
                else
                {
                    errorsByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
                }
            }
        }

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(options.Concurrency, count)).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)));
        clock.Stop();

        var okLatencies = latencies.Where((_, i) => succeeded[i]).ToArray();
        var placed = okLatencies.Length;
        var stopped = timeLimit.IsCancellationRequested && !ct.IsCancellationRequested
            && (errorsByKind.ContainsKey("stopped") || Volatile.Read(ref next) < count);
        return new RunResult(
            count,
            placed,
            errorsByKind.Values.Sum(),
            clock.Elapsed,
            LatencyStats.From(okLatencies),
            new SortedDictionary<string, int>(errorsByKind, StringComparer.Ordinal),
            [.. samples],
            stopped);
    }

    /// <summary>Returns null when the order was placed (201), otherwise a short error kind.</summary>
    private async Task<string?> PlaceOneAsync(byte[] body, string idempotencyKey, ConcurrentQueue<string> samples, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OrdersPath);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = Json;

        using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(ct);
        perRequest.CancelAfter(options.RequestTimeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, perRequest.Token);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return null;
            }

            if (samples.Count < MaxSampleErrors)
            {
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                samples.Enqueue($"HTTP {(int)response.StatusCode}: {Truncate(text)}");
            }

            return $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (OperationCanceledException)
        {
            return "stopped";
        }
        catch (HttpRequestException ex)
        {
            if (samples.Count < MaxSampleErrors)
            {
                samples.Enqueue(ex.Message);
            }

            return "connection error";
        }
    }

    private static object OrderBody(ProductChoice product) => new
    {
        customer = new { name = "Load Test", email = "load@example.com" },
        shippingAddress = new
        {
            name = "Load Test",
            line1 = "1 Rue de la Paix",
            line2 = (string?)null,
            city = "Paris",
            postalCode = "75002",
            region = (string?)null,
            countryCode = "FR",
        },
        currency = "EUR",
        express = false,
        lines = new[]
        {
            new { productId = product.ProductId, quantity = 1, material = product.Material, colour = product.Colour },
        },
    };

    private static string GetString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"Expected a string property '{name}' in {Truncate(element.GetRawText())}");

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
