using System.Text.Json.Nodes;
using MakerShop.VirtualHttpPrinters.Hosting;
using MakerShop.VirtualHttpPrinters.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MakerShop.VirtualHttpPrinters.PrusaLink;

/// <summary>
/// A Prusa printer's built-in PrusaLink (Buddy firmware), v1 API, refusing what Buddy refuses: a bare request or a wrong
/// key gets a Digest 401, a digest on a nonce older than five seconds a stale one; an upload while printing 409, one
/// without Content-Length 411, to a storage other than <c>usb</c> 404, of a file that is not printable 415, and one whose
/// body ends before its Content-Length is not stored; pause, resume and stop name the current job id (404 for another,
/// 409 when the state does not allow it). Job ids count up with every print started.
/// </summary>
public sealed class FakePrusaLinkServer : VirtualHttpServer
{
    public const string Storage = "usb";
    private const long FirstJobId = 100;
    private static readonly string[] Printable = [".gcode", ".gco", ".gc", ".g", ".bgcode", ".bgc"];

    private readonly FakePrusaLinkOptions _options;
    private readonly FakePrusaLinkAuth _auth;
    private int _cutUploads;
    private volatile bool _cutNextUpload;

    public FakePrusaLinkServer(SimulatedHttpPrinter printer, string password, FakePrusaLinkOptions? options = null)
        : base(printer, password)
    {
        _options = options ?? new FakePrusaLinkOptions();
        _auth = new FakePrusaLinkAuth(_options, password, printer.Clock);
    }

    /// <summary>Every Digest challenge sent (a bare request, a refused key, a wrong or old digest).</summary>
    public int DigestChallenges => _auth.Challenges;

    /// <summary>Challenges with <c>stale=true</c>: right credentials on a nonce that had expired.</summary>
    public int StaleNonces => _auth.StaleNonces;

    public int RefusedKeys => _auth.RefusedKeys;

    /// <summary>Uploads whose connection ended before the body was complete; none of them was stored.</summary>
    public int CutUploads => Volatile.Read(ref _cutUploads);

    /// <summary>
    /// The next upload's connection breaks half-way through its body (Wi-Fi drops, a cable is pulled): the printer reads
    /// half, the connection is gone, nothing is stored and nothing prints.
    /// </summary>
    public void CutNextUpload() => _cutNextUpload = true;

    /// <summary>
    /// The printer reboots (a power cut, a firmware crash): the print in progress is gone with no word on how it ended,
    /// the nonces handed out are unknown to the new boot, and the files on the USB stick stay. Call it while stopped,
    /// then start the server again, or on a running server for a reboot faster than a poll.
    /// </summary>
    public void Reboot()
    {
        Printer.Restart();
        _auth.Reboot();
    }

    protected override void MapEndpoints(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (_auth.Refusal(context.Request) is { } refusal)
            {
                context.Response.Headers.WWWAuthenticate = refusal.Header;
                await WriteJsonAsync(context, 401, new JsonObject { ["title"] = "Unauthorized", ["message"] = refusal.Stale ? "Stale nonce" : "Authorization required" });
                return;
            }

            await next(context);
        });
        app.MapGet("/api/version", (RequestDelegate)(context => WriteJsonAsync(context, 200, new JsonObject
        {
            ["api"] = "2.0.0",
            ["server"] = "2.1.2",
            ["nozzle_diameter"] = 0.4,
            ["text"] = "PrusaLink",
            ["hostname"] = _options.Hostname,
            ["capabilities"] = new JsonObject { ["upload-by-put"] = true },
            ["firmware"] = _options.Firmware,
        })));
        app.MapGet("/api/v1/info", (RequestDelegate)(context => WriteJsonAsync(context, 200, new JsonObject
        {
            ["name"] = Printer.Options.Name,
            ["hostname"] = _options.Hostname,
            ["nozzle_diameter"] = 0.4,
            ["min_extrusion_temp"] = 170,
            ["sd_ready"] = false,
            ["serial"] = "10589-3742441632146",
        })));
        app.MapGet("/api/v1/status", (RequestDelegate)GetStatusAsync);
        app.MapGet("/api/v1/job", (RequestDelegate)GetJobAsync);
        app.MapGet("/api/v1/storage", (RequestDelegate)(context => WriteJsonAsync(context, 200, new JsonObject
        {
            ["storage_list"] = new JsonArray(new JsonObject { ["path"] = "/usb/", ["name"] = Storage, ["type"] = "USB", ["read_only"] = false, ["available"] = true }),
        })));
        app.MapPut("/api/v1/files/{storage}/{**path}", (RequestDelegate)UploadAsync);
        app.MapPost("/api/v1/files/{storage}/{**path}", (RequestDelegate)PrintFileAsync);
        app.MapDelete("/api/v1/files/{storage}/{**path}", (RequestDelegate)DeleteFileAsync);
        app.MapPut("/api/v1/job/{id}/{command}", (RequestDelegate)JobCommandAsync);
        app.MapDelete("/api/v1/job/{id}", (RequestDelegate)StopJobAsync);
    }

    /// <summary>Buddy's state names for the simulated machine; FINISHED and STOPPED last until the next print.</summary>
    public static string StateOf(SimulatedPrinterSnapshot machine)
    {
        ArgumentNullException.ThrowIfNull(machine);
        return !machine.Operational ? "ERROR" : machine.State switch
        {
            SimulatedPrintState.Printing => "PRINTING",
            SimulatedPrintState.Paused => "PAUSED",
            SimulatedPrintState.Complete => "FINISHED",
            SimulatedPrintState.Cancelled => "STOPPED",
            SimulatedPrintState.Error => "ERROR",
            _ => "IDLE",
        };
    }

    private long? CurrentJobId(SimulatedPrinterSnapshot machine) =>
        machine.File is null || machine.State == SimulatedPrintState.Standby ? null : FirstJobId + Printer.PrintsStarted.Count;

    private Task GetStatusAsync(HttpContext context)
    {
        var s = Printer.Snapshot();
        var state = StateOf(s);
        var printer = new JsonObject
        {
            ["state"] = state,
            ["temp_nozzle"] = Round(s.ToolActual),
            ["target_nozzle"] = s.ToolTarget,
            ["temp_bed"] = Round(s.BedActual),
            ["target_bed"] = s.BedTarget,
            ["axis_z"] = 0.2,
            ["flow"] = 100,
            ["speed"] = 100,
            ["fan_hotend"] = s.IsActive ? 7800 : 0,
            ["fan_print"] = s.IsActive ? 5200 : 0,
        };
        if (state == "ERROR")
        {
            printer["status_printer"] = new JsonObject { ["ok"] = false, ["message"] = s.Message ?? "The printer's main board does not answer" };
        }

        var body = new JsonObject
        {
            ["storage"] = new JsonObject { ["path"] = "/usb/", ["name"] = Storage, ["read_only"] = false },
            ["printer"] = printer,
        };
        if (CurrentJobId(s) is { } id)
        {
            body["job"] = new JsonObject
            {
                ["id"] = id,
                ["progress"] = Math.Round(s.Progress * 100, 1),
                ["time_remaining"] = s.TimeLeft is { } left ? (long)left.TotalSeconds : 0,
                ["time_printing"] = (long)s.PrintTime.TotalSeconds,
            };
        }

        return WriteJsonAsync(context, 200, body);
    }

    private Task GetJobAsync(HttpContext context)
    {
        var s = Printer.Snapshot();
        if (CurrentJobId(s) is not { } id)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }

        var state = StateOf(s);
        return WriteJsonAsync(context, 200, new JsonObject
        {
            ["id"] = id,
            ["state"] = state == "IDLE" ? "FINISHED" : state,
            ["progress"] = Math.Round(s.Progress * 100, 1),
            ["time_remaining"] = s.TimeLeft is { } left ? (long)left.TotalSeconds : 0,
            ["time_printing"] = (long)s.PrintTime.TotalSeconds,
            ["inaccurate_estimates"] = false,
            ["file"] = new JsonObject
            {
                // A USB stick's short name beside the long one, as Buddy shows them.
                ["name"] = ShortName(s.File!),
                ["display_name"] = s.File,
                ["path"] = "/usb",
                ["size"] = s.FileSize,
                ["refs"] = new JsonObject { ["download"] = "/usb/" + ShortName(s.File!) },
            },
        });
    }

    private async Task UploadAsync(HttpContext context)
    {
        var storage = (string)context.Request.RouteValues["storage"]!;
        var path = (string)context.Request.RouteValues["path"]!;
        if (storage != Storage)
        {
            await ErrorAsync(context, 404, "Not Found", "No such storage: " + storage);
            return;
        }

        if (context.Request.ContentLength is not { } length)
        {
            await ErrorAsync(context, 411, "Length Required", "Content-Length is required");
            return;
        }

        if (!Printable.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            await ErrorAsync(context, 415, "Unsupported Media Type", "Not a printable file: " + path);
            return;
        }

        if (Printer.Snapshot().IsActive)
        {
            await ErrorAsync(context, 409, "Conflict", "The printer is printing");
            return;
        }

        var overwrite = string.Equals(context.Request.Headers["Overwrite"], "?1", StringComparison.Ordinal);
        if (Printer.FileContent(path) is not null && !overwrite)
        {
            await ErrorAsync(context, 409, "Conflict", "File already exists");
            return;
        }

        if (_cutNextUpload)
        {
            _cutNextUpload = false;
            await ReadHalfAndDropAsync(context, length);
            return;
        }

        byte[] content;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            content = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The connection ended inside the body: Buddy deletes the partial file, and there is nobody to answer.
            Interlocked.Increment(ref _cutUploads);
            return;
        }

        if (content.LongLength != length)
        {
            Interlocked.Increment(ref _cutUploads);
            await ErrorAsync(context, 400, "Bad Request", "The body is shorter than its Content-Length");
            return;
        }

        if (Printer.Upload(path, content) != SimulatedCommandResult.Done)
        {
            await ErrorAsync(context, 409, "Conflict", "The file is being printed");
            return;
        }

        if (PrintAfterUpload(context.Request.Headers["Print-After-Upload"]))
        {
            Printer.Start(path);
        }

        context.Response.Headers.Location = "/api/v1/files/usb/" + path;
        context.Response.StatusCode = 201;
    }

    private async Task ReadHalfAndDropAsync(HttpContext context, long length)
    {
        var buffer = new byte[16 * 1024];
        long read = 0;
        try
        {
            int n;
            while (read < length / 2 && (n = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                read += n;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // Gone already.
        }

        Interlocked.Increment(ref _cutUploads);
        context.Abort();
    }

    private async Task PrintFileAsync(HttpContext context)
    {
        var storage = (string)context.Request.RouteValues["storage"]!;
        var path = (string)context.Request.RouteValues["path"]!;
        if (storage != Storage || Printer.FileContent(path) is null)
        {
            await ErrorAsync(context, 404, "Not Found", "No such file");
            return;
        }

        await (Printer.Start(path) switch
        {
            SimulatedCommandResult.Done => NoContentAsync(context),
            _ => ErrorAsync(context, 409, "Conflict", "The printer is busy"),
        });
    }

    private Task DeleteFileAsync(HttpContext context)
    {
        var storage = (string)context.Request.RouteValues["storage"]!;
        if (storage != Storage)
        {
            return ErrorAsync(context, 404, "Not Found", "No such storage: " + storage);
        }

        return Printer.Delete((string)context.Request.RouteValues["path"]!, forgetSelection: false) switch
        {
            SimulatedCommandResult.Done => NoContentAsync(context),
            SimulatedCommandResult.NoSuchFile => ErrorAsync(context, 404, "Not Found", "No such file"),
            _ => ErrorAsync(context, 409, "Conflict", "The file is being printed"),
        };
    }

    /// <summary>Buddy pauses only from PRINTING and resumes only from PAUSED; another id than the current job's is 404.</summary>
    private Task JobCommandAsync(HttpContext context)
    {
        var command = (string)context.Request.RouteValues["command"]!;
        if (command is not ("pause" or "resume"))
        {
            return ErrorAsync(context, 400, "Bad Request", "Unknown command: " + command);
        }

        if (!IsCurrentJob(context, out var state))
        {
            return ErrorAsync(context, 404, "Not Found", "No such job");
        }

        return (command, state) switch
        {
            ("pause", "PRINTING") => Answer(context, Printer.Pause()),
            ("resume", "PAUSED") => Answer(context, Printer.Resume()),
            _ => ErrorAsync(context, 409, "Conflict", $"Cannot {command} in state {state}"),
        };
    }

    private Task StopJobAsync(HttpContext context)
    {
        if (!IsCurrentJob(context, out var state))
        {
            return ErrorAsync(context, 404, "Not Found", "No such job");
        }

        return state is "PRINTING" or "PAUSED" or "ATTENTION"
            ? Answer(context, Printer.Cancel())
            : ErrorAsync(context, 409, "Conflict", "Cannot stop in state " + state);
    }

    private bool IsCurrentJob(HttpContext context, out string state)
    {
        var s = Printer.Snapshot();
        state = StateOf(s);
        return long.TryParse((string)context.Request.RouteValues["id"]!, out var id) && CurrentJobId(s) == id;
    }

    private static Task Answer(HttpContext context, SimulatedCommandResult result) => result == SimulatedCommandResult.Done
        ? NoContentAsync(context)
        : ErrorAsync(context, 409, "Conflict", "The printer's state does not allow it");

    private static bool PrintAfterUpload(string? value) =>
        value is not null && (value == "?1" || value == "1" || string.Equals(value, "true", StringComparison.OrdinalIgnoreCase));

    private static string ShortName(string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name).ToUpperInvariant();
        var extension = Path.GetExtension(name).TrimStart('.').ToUpperInvariant();
        return (stem.Length > 8 ? stem[..6] + "~1" : stem) + "." + (extension.Length > 3 ? extension[..3] : extension);
    }

    private static Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task ErrorAsync(HttpContext context, int status, string title, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["title"] = title, ["message"] = message });
}
