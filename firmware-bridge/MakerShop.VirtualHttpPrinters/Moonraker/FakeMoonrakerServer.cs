using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.VirtualHttpPrinters.Moonraker;

/// <summary>
/// The parts of Moonraker's HTTP API that MakerShop uses, with its envelopes (<c>{"result": …}</c>, except the upload's
/// bare 201 object, and <c>{"error": {"code", "message"}}</c>) and its refusals in its own words: no or a wrong key (401),
/// an upload without a <c>file</c> part or with an unknown root (400), a checksum mismatch (422), Klippy not connected
/// (503), the printing file uploaded again (403 "File is loaded, upload not permitted"), a start while printing (400
/// "SD busy"). Pause, resume and cancel with nothing to act on answer 200, as Klipper's PAUSE, RESUME and CANCEL_PRINT do.
/// </summary>
public sealed class FakeMoonrakerServer(SimulatedHttpPrinter printer, string apiKey) : VirtualHttpServer(printer, apiKey)
{
    public const string GcodesRoot = "/home/pi/printer_data/gcodes/";
    private readonly SimulatedKlipper _klipper = new(printer);
    private readonly List<string> _queuedJobs = [];
    private int _subscribers;

    /// <summary>Moonraker's <c>[file_manager] queue_gcode_uploads</c>: an upload with print=true that cannot start now goes to the job queue.</summary>
    public bool QueueGcodeUploads { get; set; }

    /// <summary>Files put in the job queue by uploads; the queue starts paused, so they wait for a person (or Klipper's readiness).</summary>
    public IReadOnlyList<string> QueuedJobs
    {
        get
        {
            lock (_queuedJobs)
            {
                return [.. _queuedJobs];
            }
        }
    }

    /// <summary>Websocket clients that have subscribed to printer objects and are waiting for notifications.</summary>
    public int Subscribers => Volatile.Read(ref _subscribers);

    /// <summary>Klipper restarts as after FIRMWARE_RESTART, or the "restart" button of Mainsail or Fluidd after a shutdown.</summary>
    public void RestartKlipper() => _klipper.Restart();

    /// <summary>Klipper shuts down with this cause, as on a thermal runaway or a lost microcontroller.</summary>
    public void ShutdownKlipper(string cause) => _klipper.Shutdown(cause);

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
        app.MapPost("/printer/print/pause", (RequestDelegate)(context => PrintCommandAsync(context, Printer.Pause)));
        app.MapPost("/printer/print/resume", (RequestDelegate)(context => PrintCommandAsync(context, Printer.Resume)));
        app.MapPost("/printer/print/cancel", (RequestDelegate)(context => PrintCommandAsync(context, Printer.Cancel)));
        app.MapPost("/printer/gcode/script", (RequestDelegate)GcodeScriptAsync);
        app.MapPost("/printer/emergency_stop", (RequestDelegate)(context => KlippyAsync(context, _ =>
        {
            _klipper.Shutdown("Shutdown due to webhooks request");
            return JsonValue.Create("ok");
        })));
        app.MapPost("/printer/firmware_restart", (RequestDelegate)(context => KlippyAsync(context, _ =>
        {
            _klipper.Restart();
            return JsonValue.Create("ok");
        })));
        app.MapPost("/printer/restart", (RequestDelegate)(context => KlippyAsync(context, _ =>
        {
            _klipper.Restart();
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
            await new MoonrakerWebsocketSession(socket, Printer, _klipper, ApiKey, () =>
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

    private Dictionary<string, JsonObject> Objects(SimulatedPrinterSnapshot s) => new(StringComparer.Ordinal)
    {
        ["print_stats"] = new JsonObject
        {
            ["filename"] = s.File ?? "",
            ["total_duration"] = Math.Round(s.PrintTime.TotalSeconds, 2),
            ["print_duration"] = Math.Round(s.PrintTime.TotalSeconds, 2),
            ["filament_used"] = 0.0,
            ["state"] = _klipper.PrintState(s),

            // A shutdown leaves this empty: its cause is in webhooks.
            ["message"] = "",
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
        ["extruder"] = Heater(_klipper.HeatersHeld(s), s.ToolActual, s.ToolTarget, Printer.Options.ToolTarget, 0.4, 0.4),
        ["heater_bed"] = Heater(_klipper.HeatersHeld(s), s.BedActual, s.BedTarget, Printer.Options.BedTarget, 0.2, 0.3),
        ["display_status"] = new JsonObject { ["message"] = null, ["progress"] = Math.Round(s.Progress, 4) },
        ["webhooks"] = new JsonObject
        {
            ["state"] = s.State == SimulatedPrintState.Error ? "shutdown" : "ready",
            ["state_message"] = s.State == SimulatedPrintState.Error ? s.Message : "Printer is ready",
        },
        ["idle_timeout"] = new JsonObject { ["state"] = s.State == SimulatedPrintState.Printing ? "Printing" : "Idle" },
    };

    private static JsonObject Heater(bool held, double actual, double target, double heldTarget, double offset, double power)
    {
        var (temperature, set) = held ? (heldTarget - offset, heldTarget) : (actual, target);
        return new JsonObject { ["temperature"] = Round(temperature), ["target"] = set, ["power"] = set > 0 ? power : 0.0 };
    }

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
        var queued = false;
        if (root == "gcodes")
        {
            if (Printer.Upload(relative, content) == SimulatedCommandResult.Busy)
            {
                await ErrorAsync(context, 403, "File is loaded, upload not permitted");
                return;
            }

            if (string.Equals(form["print"].FirstOrDefault(), "true", StringComparison.Ordinal))
            {
                started = Printer.Start(relative) == SimulatedCommandResult.Done;
                if (!started && QueueGcodeUploads)
                {
                    lock (_queuedJobs)
                    {
                        _queuedJobs.Add(relative);
                    }

                    queued = true;
                }
            }
        }

        // The one answer of Moonraker's that is not wrapped in {"result": …}.
        context.Response.Headers.Location = new Uri(BaseUrl, $"server/files/{root}/{relative}").ToString();
        await WriteJsonAsync(context, 201, new JsonObject
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
            ["print_queued"] = queued,
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

        var s = Printer.Snapshot();
        if (!s.Operational)
        {
            await ErrorAsync(context, 503, "Klippy Host not connected");
            return;
        }

        if (s.State == SimulatedPrintState.Error)
        {
            await ErrorAsync(context, 400, ShutdownLine(s));
            return;
        }

        // Klipper's SDCARD_PRINT_FILE refuses with "SD busy" while a print runs, and "Unable to open file" for a missing one.
        await (Printer.Start(filename) switch
        {
            SimulatedCommandResult.Done => ResultAsync(context, 200, JsonValue.Create("ok")),
            SimulatedCommandResult.NotOperational => ErrorAsync(context, 503, "Klippy Host not connected"),
            SimulatedCommandResult.Busy => ErrorAsync(context, 400, "SD busy"),
            _ => ErrorAsync(context, 400, "Unable to open file"),
        });
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
            _klipper.RunGcode(script);
            return JsonValue.Create("ok");
        });
    }

    /// <summary>
    /// PAUSE, RESUME and CANCEL_PRINT as Klipper runs them: with nothing to act on they say so in the console and
    /// answer "ok" (200); only a shutdown Klipper refuses them, with its state message.
    /// </summary>
    private Task PrintCommandAsync(HttpContext context, Func<SimulatedCommandResult> command)
    {
        var s = Printer.Snapshot();
        if (!s.Operational)
        {
            return ErrorAsync(context, 503, "Klippy Host not connected");
        }

        if (s.State == SimulatedPrintState.Error)
        {
            return ErrorAsync(context, 400, ShutdownLine(s));
        }

        return command() switch
        {
            SimulatedCommandResult.NotOperational => ErrorAsync(context, 503, "Klippy Host not connected"),
            _ => ResultAsync(context, 200, JsonValue.Create("ok")),
        };
    }

    private static string ShutdownLine(SimulatedPrinterSnapshot s) => (s.Message ?? "Printer is shutdown").Split('\n')[0];
}
