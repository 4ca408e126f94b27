using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.EndToEnd.Tests.Notifications;

/// <summary>
/// A real HTTP server on loopback (Kestrel) that records every POST and answers it: it stands in for an integrator's
/// endpoint, an ntfy server, a Discord webhook and the Telegram Bot API. A path can be told to fail its first requests.
/// </summary>
public sealed class RecordingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _scripted = new(StringComparer.Ordinal);

    private RecordingReceiver(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public IReadOnlyList<RecordedRequest> At(string path) => [.. _requests.Where(r => r.Path == path)];

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    /// <summary>The next requests to <paramref name="path"/> are answered with these statuses, in order; then 200.</summary>
    public void AnswerNext(string path, params int[] statuses)
    {
        var queue = _scripted.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public static async Task<RecordingReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new RecordingReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Path.Value ?? "/";
            var status = receiver._scripted.TryGetValue(path, out var queue) && queue.TryDequeue(out var scripted) ? scripted : 200;
            receiver._requests.Enqueue(new RecordedRequest(path, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body, status, DateTimeOffset.UtcNow));
            context.Response.StatusCode = status;
            if (path.Contains("/sendMessage", StringComparison.Ordinal))
            {
                await context.Response.WriteAsJsonAsync(new { ok = status == 200, result = new { message_id = receiver._requests.Count } });
            }
        });
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Urls.First().Replace("127.0.0.1:0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
