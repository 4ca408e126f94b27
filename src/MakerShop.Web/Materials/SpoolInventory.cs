using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Admin;
using MakerShop.Web.Settings;

namespace MakerShop.Web.Materials;

/// <summary>The owner's spools: add one, weigh it, load it on a printer or take it off, and which run low.</summary>
public sealed class SpoolInventory(SqliteConnectionFactory connections, SpoolStore spools, PrinterStore printers, ShopSettingsService settings, TimeProvider time)
{
    public async Task<SpoolOverview> OverviewAsync(CancellationToken cancellationToken = default)
    {
        var threshold = (await settings.CurrentAsync(cancellationToken)).LowStockGrams;
        var all = await spools.ListAsync(cancellationToken);
        return new SpoolOverview(threshold, all, [.. all.Where(s => s.IsLow(threshold))]);
    }

    public async Task<IReadOnlyList<Spool>> LowAsync(CancellationToken cancellationToken = default) =>
        await spools.ListLowAsync((await settings.CurrentAsync(cancellationToken)).LowStockGrams, cancellationToken);

    public async Task<Spool> AddAsync(string? material, string? colour, string? brand, double? gramsAtStart, string? printerId, CancellationToken cancellationToken = default)
    {
        var spool = Spool.Add("spl_" + Guid.CreateVersion7().ToString("N"), material ?? "", colour ?? "", brand ?? "",
            gramsAtStart ?? throw new DomainValidationException("gramsAtStart", "Give the grams of filament on the new spool."), null, time.GetUtcNow());
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await SpoolStore.InsertAsync(session, spool, cancellationToken);
        if (!string.IsNullOrWhiteSpace(printerId))
        {
            // Checked in the same transaction as the insert: an unknown printer leaves no spool behind.
            await LoadAsync(session, spool, printerId, now, cancellationToken);
            await SpoolStore.UpdateAsync(session, spool, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
        return spool;
    }

    /// <summary>Weighs the spool (grams left) and/or moves it: a printer id loads it there ("" takes it off); null leaves either as is.</summary>
    public async Task<Spool> ChangeAsync(string id, double? gramsLeft, string? printerId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var spool = await SpoolStore.GetAsync(session, id, cancellationToken) ?? throw new AdminNotFoundException($"spool {id}");
        if (gramsLeft is { } grams)
        {
            spool.Weigh(grams, now);
        }

        if (printerId is not null)
        {
            await LoadAsync(session, spool, printerId, now, cancellationToken);
        }

        await SpoolStore.UpdateAsync(session, spool, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return spool;
    }

    private static async Task LoadAsync(DbSession session, Spool spool, string printerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (printerId.Length > 0 && await PrinterStore.GetAsync(session, printerId, cancellationToken) is null)
        {
            throw new DomainValidationException("printerId", $"There is no printer '{printerId}'.");
        }

        spool.LoadOn(printerId, now);
        if (spool.PrinterId is { } loaded)
        {
            // One spool feeds a printer at a time: loading this one takes any other off.
            await SpoolStore.UnloadOthersAsync(session, loaded, spool.Id, now, cancellationToken);
        }
    }

    /// <summary>The printers a spool can be loaded on, for the form.</summary>
    public async Task<IReadOnlyList<string>> PrinterIdsAsync(CancellationToken cancellationToken = default) =>
        [.. (await printers.ListWithTelemetryAsync(cancellationToken)).Select(v => v.Printer.Id).Order(StringComparer.Ordinal)];
}
