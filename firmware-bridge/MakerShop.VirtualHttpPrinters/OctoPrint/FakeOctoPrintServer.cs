using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// The parts of OctoPrint's REST API (1.x, without the 2.0 header) that MakerShop uses, answering with the documented
/// shapes and refusing what OctoPrint refuses: a missing or wrong key (403), commands a state does not allow (409),
/// an upload without a <c>file</c> part (400), an unknown location (404), a file that is not G-code (415). What OctoPrint
/// itself does between the API and the machine (transitional states, a disconnect that aborts the print, an emergency
/// stop that leaves it "Offline after error") is <see cref="OctoPrintHost"/>'s.
/// </summary>
public sealed class FakeOctoPrintServer(SimulatedHttpPrinter printer, string apiKey, FakeOctoPrintTimings? timings = null) : VirtualHttpServer(printer, apiKey)
{
    public const string Version = "1.10.3";
    private static readonly string[] Ports = ["/dev/ttyACM0", "VIRTUAL"];

    public OctoPrintHost Host { get; } = new(printer, timings ?? new FakeOctoPrintTimings());

    /// <summary>The serial link drops under OctoPrint (a cable pulled, the board reset): as a disconnect, the print is lost.</summary>
    public void DropSerialLink() => Host.Disconnect();

    protected override void MapEndpoints(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (!HasValidKey(context.Request))
            {
                await WriteJsonAsync(context, 403, new JsonObject
                {
                    ["error"] = "You don't have the permission to access the requested resource. It is either read-protected or not readable by the server.",
                });
                return;
            }

            await next(context);
        });
        app.MapGet("/api/version", (RequestDelegate)(context => WriteJsonAsync(context, 200, new JsonObject { ["api"] = "0.1", ["server"] = Version, ["text"] = "OctoPrint " + Version })));
        app.MapGet("/api/server", (RequestDelegate)(context => WriteJsonAsync(context, 200, new JsonObject { ["version"] = Version, ["safemode"] = false })));
        app.MapGet("/api/connection", (RequestDelegate)GetConnectionAsync);
        app.MapPost("/api/connection", (RequestDelegate)PostConnectionAsync);
        app.MapGet("/api/printer", (RequestDelegate)GetPrinterAsync);
        app.MapPost("/api/printer/command", (RequestDelegate)PostPrinterCommandAsync);
        app.MapGet("/api/job", (RequestDelegate)GetJobAsync);
        app.MapPost("/api/job", (RequestDelegate)PostJobAsync);
        app.MapPost("/api/files/{location}", (RequestDelegate)UploadAsync);
        app.MapPost("/api/files/{location}/{**path}", (RequestDelegate)FileCommandAsync);
        app.MapDelete("/api/files/{location}/{**path}", (RequestDelegate)DeleteFileAsync);
    }

    /// <summary>OctoPrint 1.10: 204; 404 for a file it does not have; 409 while the file is being printed.</summary>
    private Task DeleteFileAsync(HttpContext context)
    {
        if ((string)context.Request.RouteValues["location"]! != "local")
        {
            return ErrorAsync(context, 404, "Unknown location");
        }

        return Printer.Delete((string)context.Request.RouteValues["path"]!, forgetSelection: true) switch
        {
            SimulatedCommandResult.Done => NoContent(context),
            SimulatedCommandResult.NoSuchFile => ErrorAsync(context, 404, "File not found"),
            _ => ErrorAsync(context, 409, "Trying to delete a file that is currently in use"),
        };
    }

    private static Task ErrorAsync(HttpContext context, int status, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = message });

    private static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private bool HasValidKey(HttpRequest request)
    {
        string? key = request.Headers["X-Api-Key"];
        if (string.IsNullOrEmpty(key) && request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            key = auth["Bearer ".Length..].Trim();
        }

        return string.Equals(key, ApiKey, StringComparison.Ordinal);
    }

    private Task GetConnectionAsync(HttpContext context)
    {
        // With the link closed OctoPrint has no comm object, and get_current_connection says "Closed".
        var view = Host.View();
        var open = view.Machine.Operational;
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["current"] = new JsonObject
            {
                ["state"] = open ? view.Text : "Closed",
                ["port"] = open ? "VIRTUAL" : null,
                ["baudrate"] = open ? 115200 : null,
                ["printerProfile"] = "_default",
            },
            ["options"] = new JsonObject
            {
                ["ports"] = new JsonArray([.. Ports.Select(p => (JsonNode)p)]),
                ["baudrates"] = new JsonArray(250000, 230400, 115200, 57600, 38400, 19200, 9600),
                ["printerProfiles"] = new JsonArray(new JsonObject { ["id"] = "_default", ["name"] = "Default" }),
                ["portPreference"] = null,
                ["baudratePreference"] = null,
                ["printerProfilePreference"] = "_default",
            },
        });
    }

    private async Task PostConnectionAsync(HttpContext context)
    {
        var body = await ReadJsonObjectAsync(context);
        switch (body?["command"]?.GetValue<string>())
        {
            case "connect":
                if (body["port"]?.GetValue<string>() is { } port && !Ports.Contains(port))
                {
                    await ErrorAsync(context, 400, "port is invalid");
                    return;
                }

                Host.Connect();
                await NoContent(context);
                return;
            case "disconnect":
                Host.Disconnect();
                await NoContent(context);
                return;
            case "fake_ack":
                await NoContent(context);
                return;
            default:
                await ErrorAsync(context, 400, "Expected content-type JSON with a valid command");
                return;
        }
    }

    private Task GetPrinterAsync(HttpContext context)
    {
        var view = Host.View();
        var s = view.Machine;
        if (!view.Operational)
        {
            return ErrorAsync(context, 409, "Printer is not operational");
        }

        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["sd"] = new JsonObject { ["ready"] = true },
            ["state"] = new JsonObject
            {
                ["error"] = "",
                ["flags"] = new JsonObject
                {
                    ["cancelling"] = view.Phase == OctoPrintPhase.Cancelling,
                    ["closedOrError"] = false,
                    ["error"] = false,
                    ["finishing"] = view.Phase == OctoPrintPhase.Finishing,
                    ["operational"] = true,
                    ["paused"] = view.Paused,
                    ["pausing"] = view.Phase == OctoPrintPhase.Pausing,
                    ["printing"] = view.Printing,
                    ["ready"] = view.Ready,
                    ["resuming"] = view.Phase == OctoPrintPhase.Resuming,
                    ["sdReady"] = true,
                },
                ["text"] = view.Text,
            },
            ["temperature"] = new JsonObject
            {
                ["bed"] = new JsonObject { ["actual"] = Round(s.BedActual), ["offset"] = 0, ["target"] = s.BedTarget },
                ["tool0"] = new JsonObject { ["actual"] = Round(s.ToolActual), ["offset"] = 0, ["target"] = s.ToolTarget },
            },
        });
    }

    private async Task PostPrinterCommandAsync(HttpContext context)
    {
        var body = await ReadJsonObjectAsync(context);
        var single = body?["command"]?.GetValue<string>();
        var many = body?["commands"] as JsonArray;
        if (body is null || (single is null) == (many is null))
        {
            await ErrorAsync(context, 400, "Either 'command' or 'commands' must be given, not both");
            return;
        }

        if (!Host.View().Operational)
        {
            await ErrorAsync(context, 409, "Printer is not operational");
            return;
        }

        var lines = single is not null ? [single] : many!.Select(n => n?.GetValue<string>() ?? "").ToList();
        Printer.RunGcode(string.Join('\n', lines.Where(l => !IsEmergencyStop(l))));
        if (lines.Any(IsEmergencyStop))
        {
            // OctoPrint takes M112 out of the queue and sends it at once (_gcode_M112_queuing).
            Host.EmergencyStop();
        }

        await NoContent(context);
    }

    private Task GetJobAsync(HttpContext context)
    {
        var view = Host.View();
        var s = view.Machine;
        JsonNode? file = s.File is null || !s.Operational
            ? new JsonObject { ["name"] = null, ["path"] = null, ["display"] = null, ["origin"] = null, ["size"] = null, ["date"] = null }
            : new JsonObject { ["name"] = s.File, ["path"] = s.File, ["display"] = s.File, ["origin"] = "local", ["size"] = s.FileSize, ["date"] = s.At.ToUnixTimeSeconds() };
        // After a cancel OctoPrint keeps the file but clears every progress field; with no print at all they are null too.
        var noProgress = s.File is null || !s.Operational || (s.State is SimulatedPrintState.Cancelled && view.Phase != OctoPrintPhase.Cancelling) || s.State is SimulatedPrintState.Standby;
        var progress = noProgress
            ? new JsonObject { ["completion"] = null, ["filepos"] = null, ["printTime"] = null, ["printTimeLeft"] = null, ["printTimeLeftOrigin"] = null }
            : new JsonObject
            {
                ["completion"] = s.Progress * 100,
                ["filepos"] = s.FilePosition,
                ["printTime"] = (long)s.PrintTime.TotalSeconds,
                ["printTimeLeft"] = s.TimeLeft is { } left ? (long)left.TotalSeconds : 0,
                ["printTimeLeftOrigin"] = s.IsActive ? "linear" : null,
            };
        var body = new JsonObject
        {
            ["job"] = new JsonObject
            {
                ["file"] = file,
                ["estimatedPrintTime"] = null,
                ["averagePrintTime"] = null,
                ["lastPrintTime"] = null,
                ["filament"] = null,
                ["user"] = s.File is null ? null : "_api",
            },
            ["progress"] = progress,
            ["state"] = view.Text,
        };
        if (view.Error is not null)
        {
            body["error"] = view.Error;
        }

        return WriteJsonAsync(context, 200, body);
    }

    /// <summary>As <c>controlJob</c> in <c>server/api/job.py</c>: 409 for any command while not operational, then per command.</summary>
    private async Task PostJobAsync(HttpContext context)
    {
        var body = await ReadJsonObjectAsync(context);
        var command = body?["command"]?.GetValue<string>();
        if (command is not ("start" or "restart" or "pause" or "cancel"))
        {
            await ErrorAsync(context, 400, "Expected content-type JSON with a valid command");
            return;
        }

        var view = Host.View();
        if (!view.Operational)
        {
            await ErrorAsync(context, 409, "Printer is not operational");
            return;
        }

        switch (command)
        {
            case "start" when view.Busy:
                await ErrorAsync(context, 409, "Printer already has an active print job, did you mean 'restart'?");
                return;
            case "start":
                // With nothing selected start_print returns quietly, and the API still answers 204.
                Host.Start();
                await NoContent(context);
                return;
            case "restart" when !view.Paused:
                await ErrorAsync(context, 409, "Printer does not have an active print job or is not paused");
                return;
            case "restart":
                Printer.Cancel();
                Host.Start(view.Machine.File);
                await NoContent(context);
                return;
            case "pause" when !view.Busy:
                await ErrorAsync(context, 409, "Printer is neither printing nor paused, 'pause' command cannot be performed");
                return;
            case "pause":
                var action = body!["action"]?.GetValue<string>() ?? "toggle";
                var result = action switch
                {
                    "pause" => Host.Pause(),
                    "resume" => Host.Resume(),
                    "toggle" => Host.TogglePause(),
                    _ => (SimulatedCommandResult?)null,
                };
                await (result is null ? ErrorAsync(context, 400, "Unknown action") : Answer(context, result.Value));
                return;
            default:
                if (!view.Busy)
                {
                    await ErrorAsync(context, 409, "Printer is neither printing nor paused, 'cancel' command cannot be performed");
                    return;
                }

                await Answer(context, Host.Cancel());
                return;
        }
    }

    private static Task Answer(HttpContext context, SimulatedCommandResult result) => result switch
    {
        SimulatedCommandResult.Done => NoContent(context),
        SimulatedCommandResult.NotOperational => ErrorAsync(context, 409, "Printer is not operational"),
        _ => ErrorAsync(context, 409, "Printer is not in a state that allows this command"),
    };

    private async Task UploadAsync(HttpContext context)
    {
        var location = (string)context.Request.RouteValues["location"]!;
        if (location is not ("local" or "sdcard"))
        {
            await ErrorAsync(context, 404, "Unknown location: " + location);
            return;
        }

        if (location == "sdcard")
        {
            await ErrorAsync(context, 404, "SD card support is disabled");
            return;
        }

        if (!context.Request.HasFormContentType || !context.Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 400, "No file to upload and no folder to create");
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var upload = form.Files.GetFile("file");
        if (upload is null)
        {
            await ErrorAsync(context, 400, "No file to upload and no folder to create");
            return;
        }

        var name = Path.GetFileName(upload.FileName);
        if (!name.EndsWith(".gcode", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".gco", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".g", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, 415, $"Could not upload the file \"{name}\", invalid type");
            return;
        }

        if (Printer.Upload(name, await ReadAllAsync(upload, context.RequestAborted)) == SimulatedCommandResult.Busy)
        {
            await ErrorAsync(context, 409, $"Trying to overwrite file that is currently being printed: {name}");
            return;
        }

        // OctoPrint drops both wishes unless it is operational with no job active (upload_gcode_file in api/files.py);
        // the file is stored either way and the answer says what it will do.
        var print = IsTrue(form["print"]);
        var select = print || IsTrue(form["select"]);
        var effectiveSelect = select && Host.View().Ready;
        var effectivePrint = print && effectiveSelect;
        if (effectiveSelect)
        {
            Printer.Select(name);
        }

        if (effectivePrint)
        {
            Host.Start(name);
        }
        var resource = new Uri(BaseUrl, "api/files/local/" + Uri.EscapeDataString(name)).ToString();
        context.Response.Headers.Location = resource;
        await WriteJsonAsync(context, 201, new JsonObject
        {
            ["done"] = true,
            ["effectivePrint"] = effectivePrint,
            ["effectiveSelect"] = effectiveSelect,
            ["files"] = new JsonObject
            {
                ["local"] = new JsonObject
                {
                    ["name"] = name,
                    ["origin"] = "local",
                    ["path"] = name,
                    ["refs"] = new JsonObject
                    {
                        ["download"] = new Uri(BaseUrl, "downloads/files/local/" + Uri.EscapeDataString(name)).ToString(),
                        ["resource"] = resource,
                    },
                },
            },
        });
    }

    private async Task FileCommandAsync(HttpContext context)
    {
        var location = (string)context.Request.RouteValues["location"]!;
        var path = (string)context.Request.RouteValues["path"]!;
        var body = await ReadJsonObjectAsync(context);
        if (location != "local")
        {
            await ErrorAsync(context, 404, "Unknown location: " + location);
            return;
        }

        if (body?["command"]?.GetValue<string>() != "select")
        {
            await ErrorAsync(context, 400, "Expected content-type JSON with a valid command");
            return;
        }

        if (Printer.FileContent(path) is null)
        {
            await ErrorAsync(context, 404, "File not found on 'local': " + path);
            return;
        }

        var view = Host.View();
        if (!view.Ready)
        {
            await ErrorAsync(context, 409, "Printer is already printing, cannot select a new file");
            return;
        }

        Printer.Select(path);
        if (body["print"]?.GetValue<bool>() == true)
        {
            Host.Start(path);
        }

        await NoContent(context);
    }

    private static bool IsEmergencyStop(string line) =>
        line.Trim().StartsWith("M112", StringComparison.OrdinalIgnoreCase);

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase) || value[0] == "1" || string.Equals(value[0], "yes", StringComparison.OrdinalIgnoreCase));
}
