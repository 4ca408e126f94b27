using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>Batched telemetry writes, the temperature history window and its pruning, on a real SQLite file.</summary>
public sealed class PrinterTelemetryStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_batch_stores_the_newest_reading_of_each_printer_and_the_history_lists_one_printers_window_in_order()
    {
        await SeedPrintersAsync("printer-1", "printer-2");
        var store = new PrinterTelemetryStore(_db.Connections);

        await store.WriteBatchAsync(
            [new("printer-1", """{"heaters":[]}"""), new("printer-2", """{"heaters":[{"name":"bed"}]}""")],
            [
                new TemperatureSample("printer-1", Now.AddMinutes(-30), 200, 215, 59, 60),
                new TemperatureSample("printer-1", Now.AddMinutes(-90), 25, 0, 22, 0),
                new TemperatureSample("printer-2", Now.AddMinutes(-10), 180, 210, null, null),
                new TemperatureSample("printer-1", Now.AddMinutes(-5), 214.5, 215, 60.1, 60),
                // A printer that is not (or no longer) registered is skipped, not a failed batch.
                new TemperatureSample("printer-9", Now, 1, 1, 1, 1),
            ]);

        var window = await store.ListSinceAsync("printer-1", Now.AddHours(-1));
        Assert.Equal([Now.AddMinutes(-30), Now.AddMinutes(-5)], window.Select(s => s.At));
        Assert.Equal(214.5, window[^1].NozzleActual);
        Assert.Null((await store.ListSinceAsync("printer-2", Now.AddHours(-1)))[0].BedActual);
        var views = await new PrinterStore(_db.Connections).ListWithTelemetryAsync();
        Assert.Equal("""{"heaters":[{"name":"bed"}]}""", views.Single(v => v.Printer.Id == "printer-2").TelemetryJson);
    }

    [Fact]
    public async Task Pruning_removes_only_samples_older_than_the_cut_off()
    {
        await SeedPrintersAsync("printer-1");
        var store = new PrinterTelemetryStore(_db.Connections);
        await store.WriteBatchAsync([], [.. Enumerable.Range(0, 10).Select(i => new TemperatureSample("printer-1", Now.AddMinutes(-15 * i), 200, 215, 60, 60))]);

        var pruned = await store.PruneAsync(Now.AddMinutes(-75));

        Assert.Equal(4, pruned);
        Assert.Equal(6, (await store.ListSinceAsync("printer-1", Now.AddDays(-1))).Count);
    }

    private async Task SeedPrintersAsync(params string[] ids)
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using var session = await DbSession.BeginAsync(_db.Connections);
        foreach (var id in ids)
        {
            await PrinterStore.UpsertAsync(session, Printer.Register(id, id, PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", autoEject: true, Now), "hash");
        }

        await session.CommitAsync();
    }
}
