using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Devices;
using MakerShop.Web.Makers;
using MakerShop.Web.Options;
using MakerShop.Web.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Maker;

/// <summary>One of the maker's printers and the commands they can give it. Another maker's printer is a 404.</summary>
public sealed class PrinterModel(
    MakerScope scope,
    PrinterActions actions,
    DeviceSecretRotation rotation,
    TelemetryHub hub,
    SqliteConnectionFactory connections,
    IOptions<MqttBrokerOptions> broker,
    AuditTrail audit) : PageModel
{
    public PrinterResponse? Printer { get; private set; }

    /// <summary>The printer's jobs, newest first.</summary>
    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    /// <summary>The bridge configuration with a freshly rotated secret; shown on this one response only.</summary>
    public string? ConfigJson { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        Printer = await scope.PrinterAsync(User, id, cancellationToken);
        Message = done;
        if (Printer is null)
        {
            return NotFound();
        }

        await LoadJobsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRotateSecretAsync(string id, bool confirm, CancellationToken cancellationToken)
    {
        Printer = await scope.PrinterAsync(User, id, cancellationToken);
        if (Printer is null)
        {
            return NotFound();
        }

        await LoadJobsAsync(cancellationToken);
        if (!confirm)
        {
            Error = "Tick the box to confirm the new secret.";
            return Page();
        }

        try
        {
            var credentials = await rotation.RotateAsync(id, Enum.Parse<PrinterKind>(Printer.Kind), cancellationToken);
            await audit.RecordAsync(HttpContext, "PrinterSecretRotated", id, "new MQTT secret issued; the old one is refused");
            hub.PrinterChanged(id);
            bool autoEject;
            await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
            {
                autoEject = (await PrinterStore.GetAsync(session, id, cancellationToken))?.AutoEject ?? false;
            }

            ConfigJson = BridgeConfigFile.For(credentials, broker.Value.Host, broker.Value.Port, autoEject);
            Message = "A new secret is issued and the old one no longer connects. It is shown this once: save the bridge's configuration now.";
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, "PrinterSecretRotationRefused", id, ex.Message);
            Error = ex.Message;
            return Page();
        }
    }

    private async Task LoadJobsAsync(CancellationToken cancellationToken) =>
        Jobs = [.. (await scope.JobsAsync(User, 500, cancellationToken)).Where(j => j.PrinterId == Printer!.Id).Take(50)];

    public async Task<IActionResult> OnPostAsync(string id, PrinterAction action, bool confirm, string? material, string? colour, CancellationToken cancellationToken)
    {
        Printer = await scope.PrinterAsync(User, id, cancellationToken);
        if (Printer is null)
        {
            return NotFound();
        }

        await LoadJobsAsync(cancellationToken);
        if (!confirm)
        {
            Error = "Tick the box to confirm the command.";
            return Page();
        }

        try
        {
            var outcome = await actions.ApplyAsync(id, action, material, colour, cancellationToken);
            await audit.RecordAsync(HttpContext, "Printer" + action, id, outcome);
            hub.PrinterChanged(id);
            return LocalRedirect($"/maker/printers/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(outcome)}");
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, "Printer" + action + "Refused", id, ex.Message);
            Error = ex.Message;
            return Page();
        }
    }

    public static string Label(PrinterAction action) => action switch
    {
        PrinterAction.BedCleared => "Bed is clear",
        PrinterAction.EmergencyStop => "Emergency stop",
        PrinterAction.TakeOutOfService => "Take out of service",
        PrinterAction.ReturnToService => "Return to service",
        _ => action.ToString(),
    };

    public static string Question(PrinterAction action, string printer) => action switch
    {
        PrinterAction.BedCleared => $"The finished part is off the bed of {printer} and the bed is clean",
        PrinterAction.Pause => $"Pause the print on {printer}",
        PrinterAction.Resume => $"Resume the print on {printer}",
        PrinterAction.Cancel => $"Cancel the print on {printer} (the part is printed again, here or elsewhere)",
        PrinterAction.EmergencyStop => $"Stop {printer} at once: heaters and motors off, the print is lost",
        PrinterAction.TakeOutOfService => $"Give {printer} no new jobs",
        PrinterAction.ReturnToService => $"Give {printer} jobs again",
        _ => action.ToString(),
    };
}
