using System.Security.Claims;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Api.Contracts;
using MakerShop.Web.Telemetry;

namespace MakerShop.Web.Makers;

/// <summary>
/// What a signed-in maker may see: only printers (and through them jobs) of their own maker. Anything else is
/// answered exactly like something that does not exist, so ids of other makers' printers cannot be probed. Readings
/// come from the live hub when it has newer ones than the database (which is written once a second); both are
/// stamped with the shop's receive time, so "newer" never depends on a printer's clock.
/// </summary>
public sealed class MakerScope(PrinterStore printers, PrintJobStore jobs, TelemetryHub hub)
{
    public async Task<IReadOnlyList<PrinterResponse>> PrintersAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var maker = ShopClaims.MakerIdOf(user);
        return maker is null ? [] : await PrintersOfAsync(maker, cancellationToken);
    }

    /// <summary>The maker's printers with their newest readings, by name.</summary>
    public Task<IReadOnlyList<PrinterResponse>> PrintersOfAsync(string maker, CancellationToken cancellationToken) =>
        ListAsync(p => p.MakerId == maker, cancellationToken);

    /// <summary>Every printer of every maker and of the shop, with their newest readings, by name: the owner's view.</summary>
    public Task<IReadOnlyList<PrinterResponse>> AllPrintersAsync(CancellationToken cancellationToken) =>
        ListAsync(_ => true, cancellationToken);

    private async Task<IReadOnlyList<PrinterResponse>> ListAsync(Func<Core.Printer, bool> include, CancellationToken cancellationToken)
    {
        return [.. (await printers.ListWithTelemetryAsync(cancellationToken))
            .Where(v => include(v.Printer))
            .OrderBy(v => v.Printer.Name, StringComparer.Ordinal)
            .Select(WithLiveReadings)];
    }

    private PrinterResponse WithLiveReadings(PrinterView view)
    {
        // Another shop node (or a hub restarted since) may have stored newer readings than this node's hub holds.
        var stored = PrinterResponse.StoredTelemetry(view);
        var printer = PrinterResponse.From(view.Printer, stored) with { Filament = view.Filament };
        if (hub.Latest(printer.Id) is not { } live || stored?.At > live.At)
        {
            return printer;
        }

        var sameJob = live.JobId is not null && live.JobId == printer.CurrentJobId;
        return printer with
        {
            Heaters = live.Heaters,
            Progress = sameJob ? live.Progress : printer.Progress,
            EtaSeconds = sameJob ? live.EtaSeconds : printer.EtaSeconds,
        };
    }

    public async Task<PrinterResponse?> PrinterAsync(ClaimsPrincipal user, string printerId, CancellationToken cancellationToken) =>
        (await PrintersAsync(user, cancellationToken)).FirstOrDefault(p => p.Id == printerId);

    /// <summary>Jobs that ran or run on the maker's printers, newest first.</summary>
    public async Task<IReadOnlyList<Core.PrintJob>> JobsAsync(ClaimsPrincipal user, int limit, CancellationToken cancellationToken)
    {
        var own = (await PrintersAsync(user, cancellationToken)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return [.. (await jobs.ListAsync(null, 5_000, cancellationToken))
            .Where(j => j.PrinterId is not null && own.Contains(j.PrinterId))
            .OrderByDescending(j => j.UpdatedAt)
            .Take(limit)];
    }
}
