using MakerShop.Core;
using MakerShop.Web.Telemetry;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Makers;

/// <summary>The owner's fleet: the live stream of every printer, and commands to the shop's own printers as an API.</summary>
public static class OwnerFleetEndpoints
{
    public sealed record PrinterCommandRequest(string? Action, string? Material, string? Colour);

    public static IResult Live(MakerGridSnapshots snapshots, TelemetryHub hub, IOptions<TelemetryOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(options);
        return TypedResults.ServerSentEvents(LiveGridStream.StreamAsync(
            snapshots.GetFleetAsync, hub, TimeSpan.FromMilliseconds(options.Value.LiveBatchMilliseconds), time, cancellationToken));
    }

    /// <summary>POST /api/admin/printers/{id}/commands: 200 when sent; 404 unknown; 403 a maker's printer; 409 not in this state; 400 bad input.</summary>
    public static async Task<IResult> CommandAsync(
        string id, PrinterCommandRequest? body, HttpContext context, OwnerPrinterCommands commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (body?.Action is not { } name || !Enum.TryParse<PrinterAction>(name, ignoreCase: true, out var action) || !Enum.IsDefined(action) || int.TryParse(name, out _))
        {
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["action"] = [$"Say which command: one of {string.Join(", ", Enum.GetNames<PrinterAction>())}."] },
                detail: "Unknown printer command.");
        }

        var outcome = await commands.ApplyAsync(context, id, action, body.Material, body.Colour, cancellationToken);
        return outcome.Result switch
        {
            OwnerCommandResult.Done => Results.Ok(new { printerId = id, action = action.ToString(), outcome = outcome.Message }),
            OwnerCommandResult.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: outcome.Message),
            OwnerCommandResult.NotTheShops => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This printer is a maker's.", detail: outcome.Message),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "That command is not possible in the printer's current state.", detail: outcome.Message),
        };
    }
}
