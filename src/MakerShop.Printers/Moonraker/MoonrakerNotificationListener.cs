using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.Core;
using MakerShop.Printers.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MakerShop.Printers.Moonraker;

/// <summary>
/// Listens on each Moonraker printer's websocket for <c>notify_status_update</c> on the print's state and the
/// <c>notify_klippy_*</c> notifications, and answers each with an immediate poll: a job's end reaches the shop at
/// once instead of at the next polling tick, while the poll stays the one path from printer state to reports.
/// </summary>
public sealed partial class MoonrakerNotificationListener(
    IHttpPrinterDirectory directory,
    HttpPrinterPoller poller,
    TimeProvider timeProvider,
    ILogger<MoonrakerNotificationListener> logger,
    IHttpPrinterAddressFilter? addressFilter = null) : BackgroundService
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sessions = new Dictionary<string, Task>(StringComparer.Ordinal);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var endpoint in await directory.ListAsync(stoppingToken))
                {
                    if (endpoint.Kind == PrinterKind.Moonraker && !sessions.ContainsKey(endpoint.PrinterId))
                    {
                        sessions[endpoint.PrinterId] = RunSessionAsync(endpoint.PrinterId, stoppingToken);
                    }
                }

                await Task.Delay(RefreshInterval, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the sessions end with the same token.
        }

        await Task.WhenAll(sessions.Values);
    }

    private static Uri WebsocketUri(Uri baseUrl) =>
        new UriBuilder(new Uri(baseUrl, "websocket")) { Scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" }.Uri;

    private static bool CallsForPoll(string? method) =>
        method is "notify_status_update" or "notify_klippy_ready" or "notify_klippy_shutdown" or "notify_klippy_disconnected";

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                try
                {
                    return JsonNode.Parse(message.ToArray()) as JsonObject ?? [];
                }
                catch (System.Text.Json.JsonException)
                {
                    return [];
                }
            }
        }
    }

    private async Task RunSessionAsync(string printerId, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await directory.FindAsync(printerId, stoppingToken) is not { } endpoint)
                {
                    return;
                }

                await ListenAsync(endpoint, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or HttpRequestException or OperationCanceledException or InvalidOperationException)
            {
                // Polling carries on meanwhile; the websocket only makes the shop hear of changes sooner.
                LogSessionEnded(logger, printerId, ex.Message);
            }

            try
            {
                await Task.Delay(ReconnectDelay, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(HttpPrinterEndpoint endpoint, CancellationToken stoppingToken)
    {
        using var socket = new ClientWebSocket();
        using var invoker = new HttpMessageInvoker(HttpPrinterSocketHandler.Create(addressFilter));
        socket.Options.SetRequestHeader(HttpPrinterApiFactory.ApiKeyHeader, endpoint.ApiKey);
        using (var connect = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            connect.CancelAfter(ConnectTimeout);
            await socket.ConnectAsync(WebsocketUri(endpoint.BaseUrl), invoker, connect.Token);
        }

        await SendAsync(socket, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "server.connection.identify",
            ["params"] = new JsonObject { ["client_name"] = "MakerShop", ["version"] = "1", ["type"] = "agent", ["url"] = "https://makershop.invalid", ["api_key"] = endpoint.ApiKey },
            ["id"] = 1,
        }, stoppingToken);
        await SendAsync(socket, new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "printer.objects.subscribe",
            ["params"] = new JsonObject { ["objects"] = new JsonObject { ["print_stats"] = new JsonArray("state", "filename"), ["webhooks"] = new JsonArray("state") } },
            ["id"] = 2,
        }, stoppingToken);

        while (socket.State == WebSocketState.Open && await ReceiveAsync(socket, stoppingToken) is { } message)
        {
            if (message["error"] is JsonObject error)
            {
                throw new InvalidOperationException($"Moonraker refused request {message["id"]}: {error["message"]}");
            }

            if (message["id"]?.GetValue<int>() == 2)
            {
                LogSubscribed(logger, endpoint.PrinterId);
            }

            if (CallsForPoll(message["method"]?.GetValue<string>()))
            {
                await poller.PollPrinterAsync(endpoint.PrinterId, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening to Moonraker notifications of {PrinterId}")]
    private static partial void LogSubscribed(ILogger logger, string printerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Moonraker notifications of {PrinterId} stopped ({Reason}); reconnecting later")]
    private static partial void LogSessionEnded(ILogger logger, string printerId, string reason);
}
