using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using MakerShop.Contracts.Devices;
using MakerShop.Contracts.Mqtt;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Tests.Support;

/// <summary>The shop's device G-code endpoint (HTTP Basic with the printer's credentials), on loopback.</summary>
internal sealed class ShopGcodeServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _jobs = new(StringComparer.Ordinal);
    private readonly WebApplication _app;

    private ShopGcodeServer(WebApplication app, DeviceCredentials credentials)
    {
        _app = app;
        Credentials = credentials;
    }

    public DeviceCredentials Credentials { get; }

    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public int Downloads { get; private set; }

    public static async Task<ShopGcodeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ShopGcodeServer(app, new DeviceCredentials("test-printer", "s3cret-s3cret-s3cret-s3cret"));
        app.MapGet("/api/devices/jobs/{jobId}/gcode", (RequestDelegate)server.ServeAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.First());
        return server;
    }

    /// <summary>Makes a job of <paramref name="lines"/> G-code lines and returns the start arguments the outbox would carry.</summary>
    public StartJobArguments AddJob(string jobId, int lines = 400)
    {
        var text = new StringBuilder();
        text.AppendLine("; test part").AppendLine("G28");
        for (var i = 0; i < lines; i++)
        {
            text.Append("G1 X").Append(i % 200).Append(" Y").Append(i % 150).AppendLine(" E0.5 F1800");
        }

        var bytes = Encoding.ASCII.GetBytes(text.ToString());
        _jobs[jobId] = bytes;
        return new StartJobArguments(jobId, new Uri(BaseUrl, $"/api/devices/jobs/{jobId}/gcode"), Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
    }

    public byte[] Content(string jobId) => _jobs[jobId];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(HttpContext context)
    {
        if (DeviceCredentials.TryParse(context.Request.Headers.Authorization) != Credentials)
        {
            context.Response.StatusCode = 401;
            return;
        }

        if (!_jobs.TryGetValue((string)context.Request.RouteValues["jobId"]!, out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }

        Downloads++;
        context.Response.ContentType = "text/x.gcode";
        await context.Response.Body.WriteAsync(content);
    }
}
