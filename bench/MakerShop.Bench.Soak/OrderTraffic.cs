using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MakerShop.Bench.Soak;

/// <summary>
/// Sends the soak's order requests as a careful client does: a request that got no answer (host killed, timeout, 5xx,
/// 429) is sent again with the same Idempotency-Key until it gets one, so a restart can neither lose nor double an order.
/// </summary>
public sealed class OrderTraffic(HttpClient http, TimeSpan giveUpAfter)
{
    private static readonly Uri OrdersPath = new("api/orders", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly ConcurrentDictionary<string, AcceptedOrder> _accepted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _corruptOutcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentBag<string> _corruptKeys = [];
    private int _retries;
    private int _goodRefused;
    private int _unanswered;

    public IReadOnlyDictionary<string, AcceptedOrder> Accepted => _accepted;

    /// <summary>Corrupted requests by outcome: "refused 400", "refused 422", or anything else (a defect).</summary>
    public IReadOnlyDictionary<string, int> CorruptOutcomes => _corruptOutcomes;

    public IReadOnlyCollection<string> CorruptKeys => _corruptKeys;

    public int Retries => Volatile.Read(ref _retries);

    public int GoodRefused => Volatile.Read(ref _goodRefused);

    public int Unanswered => Volatile.Read(ref _unanswered);

    public IReadOnlyCollection<string> Problems => _problems;

    public async Task SendAsync(OrderRequest order, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Corruption is not null)
        {
            _corruptKeys.Add(order.IdempotencyKey);
        }

        var deadline = DateTimeOffset.UtcNow + giveUpAfter;
        while (true)
        {
            var (status, body, problemJson) = await TrySendAsync(order, ct);
            var answered = status is { } code && code != HttpStatusCode.TooManyRequests && (int)code < 500;
            if (answered)
            {
                Record(order, status!.Value, body, problemJson);
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Interlocked.Increment(ref _unanswered);
                Problem($"{order.IdempotencyKey}: no answer within {giveUpAfter.TotalSeconds:0} s (last: {(status is null ? "no response" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture))})");
                return;
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private void Record(OrderRequest order, HttpStatusCode status, string body, bool problemJson)
    {
        var code = (int)status;
        if (order.Corruption is not null)
        {
            var outcome = code is >= 400 and < 500 && problemJson ? $"refused {code}" : $"answered {code}{(problemJson ? string.Empty : " without a ProblemDetails")} ({order.Corruption})";
            _corruptOutcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (!outcome.StartsWith("refused", StringComparison.Ordinal))
            {
                Problem($"corrupted request '{order.Corruption}' was {outcome}: {Truncate(body)}");
            }

            return;
        }

        if (status is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            using var document = JsonDocument.Parse(body);
            var id = document.RootElement.GetProperty("id").GetString() ?? string.Empty;
            _accepted[order.IdempotencyKey] = new AcceptedOrder(order.IdempotencyKey, id, order.Units);
            return;
        }

        Interlocked.Increment(ref _goodRefused);
        Problem($"good order {order.IdempotencyKey} refused with {code}: {Truncate(body)}");
    }

    private async Task<(HttpStatusCode? Status, string Body, bool ProblemJson)> TrySendAsync(OrderRequest order, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, OrdersPath);
        request.Headers.Add("Idempotency-Key", order.IdempotencyKey);
        request.Content = new ByteArrayContent(order.Body);
        request.Content.Headers.ContentType = Json;
        using var perRequest = CancellationTokenSource.CreateLinkedTokenSource(ct);
        perRequest.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await http.SendAsync(request, perRequest.Token);
            var body = await response.Content.ReadAsStringAsync(perRequest.Token);
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            return (response.StatusCode, body, problem);
        }
        catch (HttpRequestException)
        {
            return (null, string.Empty, false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, string.Empty, false);
        }
    }

    private void Problem(string text)
    {
        if (_problems.Count < 50)
        {
            _problems.Enqueue(text);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
