using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Devices;
using MakerShop.Web.Localization;
using MakerShop.Web.Makers;
using MakerShop.Web.Options;
using MakerShop.Web.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
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
    AuditTrail audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public PrinterResponse? Printer { get; private set; }

    /// <summary>The printer's jobs, newest first.</summary>
    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    /// <summary>The bridge configuration with a freshly rotated secret; shown on this one response only.</summary>
    public string? ConfigJson { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The nozzle the maker registered, in millimetres (the live record does not carry it).</summary>
    public double? NozzleDiameter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? done, CancellationToken cancellationToken)
    {
        Printer = await scope.PrinterAsync(User, id, cancellationToken);
        if (Printer is null)
        {
            return NotFound();
        }

        if (done is not null && Enum.TryParse<PrinterAction>(done, out var action) && Enum.IsDefined(action))
        {
            Message = text["Fleet.Done." + action, Printer.Name];
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
            Error = text["Mkr.Printer.TickSecret"];
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
            Message = text["Mkr.Printer.SecretIssued"];
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, "PrinterSecretRotationRefused", id, ex.Message);
            Error = ProblemText.For(text, "Printer", ex);
            return Page();
        }
    }

    private async Task LoadJobsAsync(CancellationToken cancellationToken)
    {
        Jobs = [.. (await scope.JobsAsync(User, 500, cancellationToken)).Where(j => j.PrinterId == Printer!.Id).Take(50)];
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        NozzleDiameter = (await PrinterStore.GetAsync(session, Printer!.Id, cancellationToken))?.NozzleDiameter;
    }

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
            Error = text["Fleet.Confirm"];
            return Page();
        }

        try
        {
            var outcome = await actions.ApplyAsync(id, action, material, colour, cancellationToken);
            await audit.RecordAsync(HttpContext, "Printer" + action, id, outcome);
            hub.PrinterChanged(id);
            return LocalRedirect($"/maker/printers/{Uri.EscapeDataString(id)}?done={action}");
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, "Printer" + action + "Refused", id, ex.Message);
            Error = ProblemText.For(text, "Printer", ex);
            return Page();
        }
    }

    public string Label(PrinterAction action) => text["Fleet.Action." + action];

    public string Question(PrinterAction action, string printer) => text["Fleet.Question." + action, printer];
}
