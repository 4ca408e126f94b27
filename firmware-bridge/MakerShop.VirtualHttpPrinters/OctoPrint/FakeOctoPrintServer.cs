using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.VirtualHttpPrinters.OctoPrint;

/// <summary>
/// The parts of OctoPrint's REST API (1.x, without the 2.0 header) that MakerShop uses, answering with the documented
/// shapes and refusing what OctoPrint refuses: a missing or wrong key (403), commands a state does not allow (409),
/// an upload without a <c>file</c> part (400), an unknown location (404), a file that is not G-code (415).
/// </summary>
public sealed class FakeOctoPrintServer(SimulatedHttpPrinter printer, string apiKey) : VirtualHttpServer(printer, apiKey)
{
    public const string Version = "1.10.3";
    private static readonly string[] Ports = ["/dev/ttyACM0", "VIRTUAL"];

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

    private static string StateText(SimulatedPrinterSnapshot s) => !s.Operational ? "Offline"
        : s.State switch
        {
            SimulatedPrintState.Printing => "Printing",
            SimulatedPrintState.Paused => "Paused",
            SimulatedPrintState.Error => "Error",
            _ => "Operational",
        };

    private static bool IsOperational(SimulatedPrinterSnapshot s) => s.Operational && s.State != SimulatedPrintState.Error;

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
        var s = Printer.Snapshot();
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["current"] = new JsonObject
            {
                ["state"] = s.Operational ? StateText(s) : "Closed",
                ["port"] = s.Operational ? "VIRTUAL" : null,
                ["baudrate"] = s.Operational ? 115200 : null,
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

                Printer.Reconnect();
                await NoContent(context);
                return;
            case "disconnect":
                Printer.Disconnect();
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
        var s = Printer.Snapshot();
        if (!IsOperational(s))
        {
            return ErrorAsync(context, 409, "Printer is not operational");
        }

        var printing = s.State == SimulatedPrintState.Printing;
        var paused = s.State == SimulatedPrintState.Paused;
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["sd"] = new JsonObject { ["ready"] = true },
            ["state"] = new JsonObject
            {
                ["error"] = "",
                ["flags"] = new JsonObject
                {
                    ["cancelling"] = false,
                    ["closedOrError"] = false,
                    ["error"] = false,
                    ["finishing"] = false,
                    ["operational"] = true,
                    ["paused"] = paused,
                    ["pausing"] = false,
                    ["printing"] = printing,
                    ["ready"] = !printing && !paused,
                    ["resuming"] = false,
                    ["sdReady"] = true,
                },
                ["text"] = StateText(s),
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

        if (!IsOperational(Printer.Snapshot()))
        {
            await ErrorAsync(context, 409, "Printer is not operational");
            return;
        }

        var lines = single is not null ? [single] : many!.Select(n => n?.GetValue<string>() ?? "").ToList();
        Printer.RunGcode(string.Join('\n', lines));
        if (lines.Any(l => l.Trim().StartsWith("M112", StringComparison.OrdinalIgnoreCase)))
        {
            Printer.Fault("Emergency stop (M112)");
        }

        await NoContent(context);
    }

    private Task GetJobAsync(HttpContext context)
    {
        var s = Printer.Snapshot();
        JsonNode? file = s.File is null || !s.Operational
            ? new JsonObject { ["name"] = null, ["path"] = null, ["display"] = null, ["origin"] = null, ["size"] = null, ["date"] = null }
            : new JsonObject { ["name"] = s.File, ["path"] = s.File, ["display"] = s.File, ["origin"] = "local", ["size"] = s.FileSize, ["date"] = s.At.ToUnixTimeSeconds() };
        // After a cancel OctoPrint keeps the file but clears every progress field; with no print at all they are null too.
        var noProgress = s.File is null || !s.Operational || s.State is SimulatedPrintState.Cancelled or SimulatedPrintState.Standby;
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
            ["state"] = StateText(s),
        };
        if (s.State == SimulatedPrintState.Error && s.Message is not null)
        {
            body["error"] = s.Message;
        }

        return WriteJsonAsync(context, 200, body);
    }

    private async Task PostJobAsync(HttpContext context)
    {
        var body = await ReadJsonObjectAsync(context);
        var command = body?["command"]?.GetValue<string>();
        SimulatedCommandResult result;
        switch (command)
        {
            case "start":
                result = Printer.Start();
                break;
            case "cancel":
                result = Printer.Cancel();
                break;
            case "pause":
                var action = body!["action"]?.GetValue<string>() ?? "toggle";
                var state = Printer.Snapshot().State;
                result = action switch
                {
                    "pause" => state == SimulatedPrintState.Paused ? SimulatedCommandResult.InvalidState : Printer.Pause(),
                    "resume" => state == SimulatedPrintState.Printing ? SimulatedCommandResult.InvalidState : Printer.Resume(),
                    "toggle" => state == SimulatedPrintState.Paused ? Printer.Resume() : Printer.Pause(),
                    _ => SimulatedCommandResult.InvalidState,
                };
                if (action is not ("pause" or "resume" or "toggle"))
                {
                    await ErrorAsync(context, 400, "Unknown action: " + action);
                    return;
                }

                break;
            case "restart":
                result = Printer.Snapshot().State == SimulatedPrintState.Paused ? Printer.Start() : SimulatedCommandResult.InvalidState;
                break;
            default:
                await ErrorAsync(context, 400, "Expected content-type JSON with a valid command");
                return;
        }

        await (result switch
        {
            SimulatedCommandResult.Done => NoContent(context),
            SimulatedCommandResult.NotOperational => ErrorAsync(context, 409, "Printer is not operational"),
            SimulatedCommandResult.NoSuchFile => ErrorAsync(context, 409, "No file selected"),
            _ => ErrorAsync(context, 409, "Printer is not in a state that allows this command"),
        });
    }

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

        var print = IsTrue(form["print"]);
        var select = print || IsTrue(form["select"]);
        var effectiveSelect = select && Printer.Select(name) == SimulatedCommandResult.Done;
        var effectivePrint = print && effectiveSelect && Printer.Start() == SimulatedCommandResult.Done;
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

        var print = body["print"]?.GetValue<bool>() == true;
        if (print && !IsOperational(Printer.Snapshot()))
        {
            await ErrorAsync(context, 409, "Printer is not operational, cannot directly start printing");
            return;
        }

        var selected = Printer.Select(path);
        if (selected == SimulatedCommandResult.NoSuchFile)
        {
            await ErrorAsync(context, 404, "File not found on 'local': " + path);
            return;
        }

        if (selected == SimulatedCommandResult.Busy || (print && Printer.Start() != SimulatedCommandResult.Done))
        {
            await ErrorAsync(context, 409, "Printer is already printing, cannot select a new file");
            return;
        }

        await NoContent(context);
    }

    private static bool IsTrue(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count > 0 && (string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase) || value[0] == "1" || string.Equals(value[0], "yes", StringComparison.OrdinalIgnoreCase));
}
