using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.VirtualHttpPrinters.Moonraker;

/// <summary>
/// The parts of Moonraker's HTTP API that MakerShop uses, with its envelopes (<c>{"result": …}</c> and
/// <c>{"error": {"code", "message"}}</c>) and its refusals: no or a wrong key (401), an upload without a <c>file</c>
/// part or with an unknown root (400), a checksum mismatch (422), Klippy not connected (503), a print already running (400).
/// </summary>
public sealed class FakeMoonrakerServer(SimulatedHttpPrinter printer, string apiKey) : VirtualHttpServer(printer, apiKey)
{
    public const string GcodesRoot = "/home/pi/printer_data/gcodes/";
    private int _subscribers;

    /// <summary>Websocket clients that have subscribed to printer objects and are waiting for notifications.</summary>
    public int Subscribers => Volatile.Read(ref _subscribers);

    protected override void MapEndpoints(WebApplication app)
    {
        app.UseWebSockets();
        app.Use(async (context, next) =>
        {
            if (!HasValidKey(context.Request))
            {
                await ErrorAsync(context, 401, "Unauthorized");
                return;
            }

            await next(context);
        });
        app.Map("/websocket", (RequestDelegate)WebsocketAsync);
        app.MapGet("/server/info", (RequestDelegate)ServerInfoAsync);
        app.MapGet("/printer/info", (RequestDelegate)(context => KlippyAsync(context, s => new JsonObject
        {
            ["state"] = s.State == SimulatedPrintState.Error ? "shutdown" : "ready",
            ["state_message"] = s.State == SimulatedPrintState.Error ? s.Message : "Printer is ready",
            ["hostname"] = Printer.Options.Name,
            ["software_version"] = "v0.12.0-fake",
            ["cpu_info"] = "virtual",
            ["klipper_path"] = "/home/pi/klipper",
            ["python_path"] = "/home/pi/klippy-env/bin/python",
            ["log_file"] = "/home/pi/printer_data/logs/klippy.log",
            ["config_file"] = "/home/pi/printer_data/config/printer.cfg",
        })));
        app.MapPost("/printer/objects/query", (RequestDelegate)QueryObjectsAsync);
        app.MapPost("/server/files/upload", (RequestDelegate)UploadAsync);
        app.MapDelete("/server/files/{root}/{**path}", (RequestDelegate)DeleteFileAsync);
        app.MapPost("/printer/print/start", (RequestDelegate)StartAsync);
        app.MapPost("/printer/print/pause", (RequestDelegate)(context => CommandAsync(context, Printer.Pause)));
        app.MapPost("/printer/print/resume", (RequestDelegate)(context => CommandAsync(context, Printer.Resume)));
        app.MapPost("/printer/print/cancel", (RequestDelegate)(context => CommandAsync(context, Printer.Cancel)));
        app.MapPost("/printer/gcode/script", (RequestDelegate)GcodeScriptAsync);
        app.MapPost("/printer/emergency_stop", (RequestDelegate)(context => KlippyAsync(context, _ =>
        {
            Printer.Fault("Shutdown due to webhooks request");
            return JsonValue.Create("ok");
        })));
    }

    /// <summary>Moonraker: the deleted item and "delete_file"; 404 for no such file; 403 while it is loaded for printing.</summary>
    private Task DeleteFileAsync(HttpContext context)
    {
        var root = (string)context.Request.RouteValues["root"]!;
        var path = (string)context.Request.RouteValues["path"]!;
        if (root != "gcodes")
        {
            return ErrorAsync(context, 400, $"Invalid root request: {root}");
        }

        return Printer.Delete(path, forgetSelection: false) switch
        {
            SimulatedCommandResult.Done => ResultAsync(context, 200, new JsonObject
            {
                ["item"] = new JsonObject { ["path"] = path, ["root"] = root },
                ["action"] = "delete_file",
            }),
            SimulatedCommandResult.NoSuchFile => ErrorAsync(context, 404, $"File {path} does not exist"),
            _ => ErrorAsync(context, 403, $"File is loaded, DELETE not permitted"),
        };
    }

    private static Task ResultAsync(HttpContext context, int status, JsonNode? result) =>
        WriteJsonAsync(context, status, new JsonObject { ["result"] = result });

    private static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message } });

    private static string PrintState(SimulatedPrintState state) => state.ToString().ToLowerInvariant();

    private bool HasValidKey(HttpRequest request)
    {
        string? key = request.Headers["X-Api-Key"];
        return string.Equals(key, ApiKey, StringComparison.Ordinal);
    }

    private async Task WebsocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await ErrorAsync(context, 400, "Expected a websocket upgrade");
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var subscribed = false;
        try
        {
            await new MoonrakerWebsocketSession(socket, Printer, ApiKey, () =>
            {
                if (!subscribed)
                {
                    subscribed = true;
                    Interlocked.Increment(ref _subscribers);
                }
            }).RunAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or OperationCanceledException)
        {
            // The client went away; nothing to clean up beyond the count.
        }
        finally
        {
            if (subscribed)
            {
                Interlocked.Decrement(ref _subscribers);
            }
        }
    }

    private Task ServerInfoAsync(HttpContext context)
    {
        var s = Printer.Snapshot();
        return ResultAsync(context, 200, new JsonObject
        {
            ["klippy_connected"] = s.Operational,
            ["klippy_state"] = !s.Operational ? "disconnected" : s.State == SimulatedPrintState.Error ? "shutdown" : "ready",
            ["components"] = new JsonArray("database", "file_manager", "klippy_apis", "history"),
            ["failed_components"] = new JsonArray(),
            ["registered_directories"] = new JsonArray("config", "gcodes", "logs"),
            ["warnings"] = new JsonArray(),
            ["websocket_count"] = 0,
            ["moonraker_version"] = "v0.9.3-fake",
            ["api_version"] = new JsonArray(1, 5, 0),
            ["api_version_string"] = "1.5.0",
        });
    }

    /// <summary>Every /printer endpoint needs Klippy: with its host link down Moonraker answers 503.</summary>
    private Task KlippyAsync(HttpContext context, Func<SimulatedPrinterSnapshot, JsonNode?> action)
    {
        var s = Printer.Snapshot();
        return s.Operational ? ResultAsync(context, 200, action(s)) : ErrorAsync(context, 503, "Klippy Host not connected");
    }

    private async Task QueryObjectsAsync(HttpContext context)
    {
        var body = await ReadJsonObjectAsync(context);
        if (body?["objects"] is not JsonObject requested)
        {
            await ErrorAsync(context, 400, "No argument 'objects' in request");
            return;
        }

        var s = Printer.Snapshot();
        if (!s.Operational)
        {
            await ErrorAsync(context, 503, "Klippy Host not connected");
            return;
        }

        var all = Objects(s);
        var status = new JsonObject();
        foreach (var (name, attributes) in requested)
        {
            // Unknown objects and attributes are left out without an error, as Klipper does.
            if (!all.TryGetValue(name, out var full))
            {
                continue;
            }

            if (attributes is JsonArray wanted)
            {
                var filtered = new JsonObject();
                foreach (var attribute in wanted.Select(a => a?.GetValue<string>()).OfType<string>())
                {
                    if (full.TryGetPropertyValue(attribute, out var value))
                    {
                        filtered[attribute] = value?.DeepClone();
                    }
                }

                status[name] = filtered;
            }
            else
            {
                status[name] = full.DeepClone();
            }
        }

        await ResultAsync(context, 200, new JsonObject { ["eventtime"] = Math.Round((s.At - DateTimeOffset.UnixEpoch).TotalSeconds % 1_000_000, 3), ["status"] = status });
    }

    private static Dictionary<string, JsonObject> Objects(SimulatedPrinterSnapshot s) => new(StringComparer.Ordinal)
    {
        ["print_stats"] = new JsonObject
        {
            ["filename"] = s.File ?? "",
            ["total_duration"] = Math.Round(s.PrintTime.TotalSeconds, 2),
            ["print_duration"] = Math.Round(s.PrintTime.TotalSeconds, 2),
            ["filament_used"] = 0.0,
            ["state"] = PrintState(s.State),
            ["message"] = s.State == SimulatedPrintState.Error ? s.Message ?? "" : "",
            ["info"] = new JsonObject { ["total_layer"] = null, ["current_layer"] = null },
        },
        ["virtual_sdcard"] = new JsonObject
        {
            ["file_path"] = s.File is null ? null : GcodesRoot + s.File,
            ["progress"] = Math.Round(s.Progress, 4),
            ["is_active"] = s.State == SimulatedPrintState.Printing,
            ["file_position"] = s.FilePosition,
            ["file_size"] = s.FileSize,
        },
        ["extruder"] = new JsonObject { ["temperature"] = Round(s.ToolActual), ["target"] = s.ToolTarget, ["power"] = s.ToolTarget > 0 ? 0.4 : 0.0, ["can_extrude"] = s.ToolActual > 170 },
        ["heater_bed"] = new JsonObject { ["temperature"] = Round(s.BedActual), ["target"] = s.BedTarget, ["power"] = s.BedTarget > 0 ? 0.3 : 0.0 },
        ["display_status"] = new JsonObject { ["message"] = null, ["progress"] = Math.Round(s.Progress, 4) },
        ["webhooks"] = new JsonObject
        {
            ["state"] = s.State == SimulatedPrintState.Error ? "shutdown" : "ready",
            ["state_message"] = s.State == SimulatedPrintState.Error ? s.Message : "Printer is ready",
        },
        ["idle_timeout"] = new JsonObject { ["state"] = s.State == SimulatedPrintState.Printing ? "Printing" : "Idle" },
    };

    private async Task UploadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 400, "Bad Request: expected a multipart/form-data upload");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var upload = form.Files.GetFile("file");
        if (upload is null)
        {
            await ErrorAsync(context, 400, "No file name specifed in upload form");
            return;
        }

        var root = form["root"].FirstOrDefault() ?? "gcodes";
        if (root is not ("gcodes" or "config"))
        {
            await ErrorAsync(context, 400, $"Invalid root request: {root}");
            return;
        }

        var folder = (form["path"].FirstOrDefault() ?? "").Trim('/');
        if (folder.Contains("..", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 403, "Cannot access path outside of root");
            return;
        }

        var content = await ReadAllAsync(upload, context.RequestAborted);
        if (form["checksum"].FirstOrDefault() is { Length: > 0 } checksum
            && !string.Equals(checksum, Convert.ToHexStringLower(SHA256.HashData(content)), StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 422, "File checksum mismatch");
            return;
        }

        var name = Path.GetFileName(upload.FileName);
        var relative = folder.Length == 0 ? name : folder + "/" + name;
        var started = false;
        if (root == "gcodes")
        {
            if (Printer.Upload(relative, content) == SimulatedCommandResult.Busy)
            {
                await ErrorAsync(context, 403, $"File '{relative}' is currently loaded in the virtual sdcard");
                return;
            }

            started = string.Equals(form["print"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase)
                && Printer.Start(relative) == SimulatedCommandResult.Done;
        }

        context.Response.Headers.Location = new Uri(BaseUrl, $"server/files/{root}/{relative}").ToString();
        await ResultAsync(context, 201, new JsonObject
        {
            ["item"] = new JsonObject
            {
                ["path"] = relative,
                ["root"] = root,
                ["modified"] = Math.Round((Printer.Snapshot().At - DateTimeOffset.UnixEpoch).TotalSeconds, 3),
                ["size"] = content.LongLength,
                ["permissions"] = "rw",
            },
            ["print_started"] = started,
            ["print_queued"] = false,
            ["action"] = "create_file",
        });
    }

    private async Task StartAsync(HttpContext context)
    {
        string? filename = context.Request.Query["filename"];
        if (string.IsNullOrEmpty(filename) && await ReadJsonObjectAsync(context) is { } body)
        {
            filename = body["filename"]?.GetValue<string>();
        }

        if (string.IsNullOrEmpty(filename))
        {
            await ErrorAsync(context, 400, "No argument 'filename' in request");
            return;
        }

        await CommandAsync(context, () => Printer.Start(filename));
    }

    private async Task GcodeScriptAsync(HttpContext context)
    {
        string? script = context.Request.Query["script"];
        if (string.IsNullOrEmpty(script) && await ReadJsonObjectAsync(context) is { } body)
        {
            script = body["script"]?.GetValue<string>();
        }

        if (string.IsNullOrEmpty(script))
        {
            await ErrorAsync(context, 400, "No argument 'script' in request");
            return;
        }

        await KlippyAsync(context, _ =>
        {
            Printer.RunGcode(script);
            if (script.Split('\n').Any(l => l.Trim().StartsWith("M112", StringComparison.OrdinalIgnoreCase)))
            {
                Printer.Fault("Shutdown due to M112 command");
            }

            return JsonValue.Create("ok");
        });
    }

    private Task CommandAsync(HttpContext context, Func<SimulatedCommandResult> command) => command() switch
    {
        SimulatedCommandResult.Done => ResultAsync(context, 200, JsonValue.Create("ok")),
        SimulatedCommandResult.NotOperational => ErrorAsync(context, 503, "Klippy Host not connected"),
        SimulatedCommandResult.Busy => ErrorAsync(context, 400, "Print is already in progress"),
        SimulatedCommandResult.NoSuchFile => ErrorAsync(context, 400, "File not found"),
        _ => ErrorAsync(context, 400, "Print is not in a state that allows this command"),
    };
}
