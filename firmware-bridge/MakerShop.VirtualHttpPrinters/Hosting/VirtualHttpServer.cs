using System.Net;
using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.VirtualHttpPrinters.Hosting;

/// <summary>
/// A printer's web server on loopback (Kestrel, port 0 the first time, the same port after a restart), in front of a
/// <see cref="SimulatedHttpPrinter"/>. It can vanish (stop) and come back, or hang, the ways a real one goes silent.
/// </summary>
public abstract class VirtualHttpServer : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private WebApplication? _app;
    private int _port;
    private volatile bool _hang;

    protected VirtualHttpServer(SimulatedHttpPrinter printer, string apiKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        Printer = printer;
        ApiKey = apiKey;
    }

    public SimulatedHttpPrinter Printer { get; }

    public string ApiKey { get; }

    public int Port => _port;

    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    public bool IsRunning
    {
        get
        {
            lock (_lock)
            {
                return _app is not null;
            }
        }
    }

    /// <summary>While set, every request waits until the client gives up: a printer whose network froze.</summary>
    public bool Hang
    {
        get => _hang;
        set => _hang = value;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (_hang)
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            await next(context);
        });
        MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        _port = new Uri(address).Port;
        lock (_lock)
        {
            _app = app;
        }
    }

    /// <summary>The printer disappears from the network: connections are refused until <see cref="StartAsync"/> again.</summary>
    public async Task StopAsync()
    {
        WebApplication? app;
        lock (_lock)
        {
            app = _app;
            _app = null;
        }

        if (app is not null)
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(grace.Token);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _hang = false;
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void MapEndpoints(WebApplication app);

    protected static Task WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    protected static async Task<JsonObject?> ReadJsonObjectAsync(HttpContext context)
    {
        if (context.Request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    protected static async Task<byte[]> ReadAllAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    protected static double Round(double value) => Math.Round(value, 2);
}
