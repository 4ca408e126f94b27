using System.Collections.Concurrent;
using System.Net;
using MakerShop.Contracts.Devices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.FirmwareBridge.Tests.Support;

/// <summary>A real Kestrel on 127.0.0.1 serving G-code files the way the shop does: Basic auth, range requests.</summary>
internal sealed class GcodeServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, byte[]> files = new();

    private GcodeServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string? Range, int Status)> Requests { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<GcodeServer> StartAsync(DeviceCredentials credentials)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new GcodeServer(app);
        app.Use(async (context, next) =>
        {
            await next(context);
            server.Requests.Enqueue((context.Request.Headers.Range.ToString() is { Length: > 0 } range ? range : null, context.Response.StatusCode));
        });
        app.MapGet("/gcode/{name}", (string name, HttpContext context) =>
        {
            if (DeviceCredentials.TryParse(context.Request.Headers.Authorization) != credentials)
            {
                return Results.Unauthorized();
            }

            return server.files.TryGetValue(name, out var content)
                ? Results.File(content, "text/x-gcode", enableRangeProcessing: true)
                : Results.NotFound();
        });
        await app.StartAsync().WaitAsync(Await.Timeout);
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public Uri Add(string name, byte[] content)
    {
        files[name] = content;
        return new Uri(BaseAddress, "/gcode/" + name);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().WaitAsync(Await.Timeout);
        await app.DisposeAsync();
    }
}
