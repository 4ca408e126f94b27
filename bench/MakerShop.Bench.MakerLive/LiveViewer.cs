using System.Net;
using System.Text.Json;

namespace MakerShop.Bench.MakerLive;

/// <summary>
/// One open maker grid: reads <c>/maker/live</c> as a browser's EventSource does and, for each reading in a
/// <c>telemetry</c> event, records the delay from the printer's publish (its <c>at</c>) to arrival here.
/// </summary>
internal sealed class LiveViewer(Uri baseAddress, CookieContainer cookies, DelayRecorder delays)
{
    private long _events;
    private long _snapshots;

    public long Events => Interlocked.Read(ref _events);

    public long Snapshots => Interlocked.Read(ref _snapshots);

    public async Task RunAsync(TaskCompletionSource firstSnapshot, CancellationToken ct)
    {
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("maker/live", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        string? eventName = null;
        var data = new System.Text.StringBuilder();
        while (!ct.IsCancellationRequested && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                Dispatch(eventName, data.ToString(), firstSnapshot);
                (eventName, data.Length) = (null, 0);
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(line.Length > 5 && line[5] == ' ' ? 6 : 5));
            }
        }
    }

    private void Dispatch(string? eventName, string data, TaskCompletionSource firstSnapshot)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _events);
        if (eventName == "printers")
        {
            Interlocked.Increment(ref _snapshots);
            firstSnapshot.TrySetResult();
            return;
        }

        if (eventName != "telemetry")
        {
            return;
        }

        using var document = JsonDocument.Parse(data);
        foreach (var reading in document.RootElement.EnumerateArray())
        {
            // The printer's own stamp: the delay measured runs from the printer to this page, not from the shop's receipt.
            var stamped = reading.TryGetProperty("reportedAt", out var reportedAt) && reportedAt.ValueKind == JsonValueKind.String ? reportedAt : reading.GetProperty("at");
            delays.Record(stamped.GetDateTimeOffset(), receivedAt);
        }
    }
}
