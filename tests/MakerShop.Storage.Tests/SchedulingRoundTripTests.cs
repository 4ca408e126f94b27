using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

public sealed class SchedulingRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Makers_equipment_the_bed_flag_and_the_owners_directives_read_back_as_written()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var maker = Maker.Create("ana", "Ana", "PT", Now);
        maker.Deactivate(Now);
        var printer = Printer.Register("printer-1", "One", PrinterKind.Moonraker, new Size3(300, 300, 300), 0.6, "ABS", "grey", "PT", autoEject: false, Now,
            new PrinterEquipment("ana", Enclosed: true, HardenedNozzle: true));
        printer.MarkOnline(bedClear: false, Now);
        var order = Order.Place("ord_1", "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"), Currency.Eur,
            [new OrderLine("cube", "Cube", "ABS", "grey", 1, Money.FromMinor(450, Currency.Eur))], express: false, Now, Now.AddDays(3));
        var job = PrintJob.Create("job_1", order.Id, 0, "cube", "ABS", "grey", new Size3(20, 20, 20), TimeSpan.FromMinutes(10), "gcode/cube.gcode",
            new string('a', 64), 1234, order.ShipBy, express: false, maxAttempts: 3, Now);
        job.Pin("printer-1", Now);
        job.SetHeld(true, Now);

        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await MakerStore.UpsertAsync(session, maker);
            await OrderStore.InsertAsync(session, order, "key-1", "hash", 1, default);
            await PrinterStore.UpsertAsync(session, printer, "secret-hash");
            await PrintJobStore.InsertAsync(session, job);
            await session.CommitAsync();
        }

        var storedMaker = Assert.Single(await new MakerStore(_db.Connections).ListAsync(), m => m.Id == "ana");
        var storedPrinter = (await new PrinterStore(_db.Connections).ListWithTelemetryAsync()).Single().Printer;
        var storedJob = await new PrintJobStore(_db.Connections).GetAsync(job.Id);

        Assert.Equal(("Ana", "PT", false), (storedMaker.Name, storedMaker.CountryCode, storedMaker.Active));
        Assert.Equal(("ana", true, true, false, PrinterStatus.NeedsBedClear), (storedPrinter.MakerId, storedPrinter.Enclosed, storedPrinter.HardenedNozzle, storedPrinter.BedClear, storedPrinter.Status));
        Assert.NotNull(storedJob);
        Assert.Equal(("printer-1", true), (storedJob.PinnedPrinterId, storedJob.Held));
    }

    [Fact]
    public async Task The_migration_gives_existing_printers_the_shops_own_maker_in_their_country()
    {
        var all = MigrationCatalog.All;
        await _db.Migrations.ApplyAsync([.. all.Where(m => m.Version == 1)]);
        await using (var connection = await _db.Connections.OpenAsync())
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO printers (id, name, kind, build_x, build_y, build_z, nozzle_diameter, loaded_material, loaded_colour, country_code,
                    auto_eject, in_service, status, updated_at, secret_hash)
                VALUES ('old-1', 'Old', 'FirmwareBridge', 200, 200, 200, 0.4, 'PLA', 'black', 'FR', 0, 1, 'NeedsBedClear', '2026-01-01T00:00:00Z', 'h'),
                       ('old-2', 'Old', 'FirmwareBridge', 200, 200, 200, 0.4, 'PLA', 'black', 'FR', 0, 1, 'Idle', '2026-01-01T00:00:00Z', 'h')
                """);
        }

        await _db.Migrations.ApplyAsync(all);

        var shop = Assert.Single(await new MakerStore(_db.Connections).ListAsync());
        var printers = (await new PrinterStore(_db.Connections).ListWithTelemetryAsync()).Select(v => v.Printer).ToList();
        Assert.Equal((Maker.ShopMakerId, "FR", true), (shop.Id, shop.CountryCode, shop.Active));
        Assert.All(printers, p => Assert.Equal(Maker.ShopMakerId, p.MakerId));
        Assert.Equal([false, true], printers.Select(p => p.BedClear));
    }
}
