using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Simulation;

namespace MakerShop.VirtualHttpPrinters.Moonraker;

/// <summary>
/// One client on Moonraker's <c>/websocket</c>: JSON-RPC 2.0 requests for <c>server.connection.identify</c> and
/// <c>printer.objects.subscribe</c>, then <c>notify_status_update</c> whenever the print's state or file changes
/// (checked once a second of the machine's clock).
/// </summary>
internal sealed class MoonrakerWebsocketSession(WebSocket socket, SimulatedHttpPrinter printer, SimulatedKlipper klipper, string apiKey, Action onSubscribed)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var identified = false;
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var request = await ReceiveAsync(cancellationToken);
            if (request is null)
            {
                return;
            }

            var id = request["id"]?.DeepClone();
            switch (request["method"]?.GetValue<string>())
            {
                case "server.connection.identify":
                    identified = string.Equals(request["params"]?["api_key"]?.GetValue<string>(), apiKey, StringComparison.Ordinal);
                    await SendAsync(identified
                        ? new JsonObject { ["jsonrpc"] = "2.0", ["result"] = new JsonObject { ["connection_id"] = 1 }, ["id"] = id }
                        : Error(id, 401, "Unauthorized"), cancellationToken);
                    break;
                case "printer.objects.subscribe" when identified:
                    var (state, file) = Observe();
                    await SendAsync(new JsonObject
                    {
                        ["jsonrpc"] = "2.0",
                        ["result"] = new JsonObject { ["eventtime"] = 0.0, ["status"] = Status(state, file) },
                        ["id"] = id,
                    }, cancellationToken);
                    await PushChangesAsync(state, file, cancellationToken);
                    return;
                default:
                    await SendAsync(Error(id, identified ? 404 : 401, identified ? "Method not found" : "Unauthorized"), cancellationToken);
                    break;
            }
        }
    }

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["error"] = new JsonObject { ["code"] = code, ["message"] = message }, ["id"] = id };

    private static JsonObject Status(string state, string? file) =>
        new() { ["print_stats"] = new JsonObject { ["state"] = state, ["filename"] = file ?? "" } };

    private (string State, string? File) Observe()
    {
        var snapshot = printer.Snapshot();
        return (klipper.PrintState(snapshot), snapshot.File);
    }

    private async Task PushChangesAsync(string state, string? file, CancellationToken cancellationToken)
    {
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            // The wait is registered before the subscriber is announced, so a test that advances the clock right after misses no tick.
            var tick = Task.Delay(CheckInterval, printer.Clock, cancellationToken);
            onSubscribed();
            try
            {
                await tick;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var (nowState, nowFile) = Observe();
            if (nowState == state && nowFile == file)
            {
                continue;
            }

            (state, file) = (nowState, nowFile);
            await SendAsync(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["method"] = "notify_status_update",
                ["params"] = new JsonArray(Status(state, file), 0.0),
            }, cancellationToken);
        }
    }

    private async Task<JsonObject?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
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
                    return JsonNode.Parse(message.ToArray()) as JsonObject;
                }
                catch (System.Text.Json.JsonException)
                {
                    return null;
                }
            }
        }
    }

    private Task SendAsync(JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
}
