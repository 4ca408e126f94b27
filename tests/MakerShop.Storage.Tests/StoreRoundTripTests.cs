using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>What a store writes is what it reads back, field for field, including after transitions.</summary>
public sealed class StoreRoundTripTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 30, 0, 123, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task An_order_placed_at_checkout_reads_back_with_what_the_customer_was_charged()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var chf = Currency.Chf;
        var line = new OrderLine("quote:quo_1", "Custom part (box.stl)", "PLA", "black", 2, Money.FromMinor(1290, chf));
        var charges = new OrderCharges(line.LineTotal, Money.FromMinor(1530, chf), Money.FromMinor(781, chf), Money.FromMinor(0, chf),
            TaxRegime.IntraEuOss, "DE", 0.19m, DutiesPaidBy.NoBorder, "Colissimo (eu)");
        var order = Order.Place("ord_c", "Ada", "ada@example.com", new Address("Ada", "Hauptstr. 1", null, "Berlin", "10115", null, "DE"), chf,
            [line], express: false, Now, Now.AddDays(5), charges);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await OrderStore.InsertAsync(session, order, "checkout:k", "hash", 1, default);
            await session.CommitAsync();
        }

        var stored = await new OrderStore(_db.Connections).GetAsync("ord_c");

        Assert.Equal(charges, stored!.Charges);
        Assert.Equal(Money.FromMinor(2580 + 1530 + 781, chf), stored.Total);
    }

    [Fact]
    public async Task An_order_its_job_and_its_printer_read_back_as_they_were_written()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var order = Order.Place("ord_1", "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"), Currency.Jpy,
            [new OrderLine("cube", "Cube", "PLA", "black", 2, Money.FromMinor(450, Currency.Jpy))], express: true, Now, Now.AddDays(2));
        order.MarkPaid(Now);
        var job = PrintJob.Create("job_1", order.Id, 0, "cube", "PLA", "black", new Size3(20, 20, 20), TimeSpan.FromMinutes(10), "gcode/cube.gcode",
            new string('a', 64), 1234, order.ShipBy, express: true, maxAttempts: 3, Now);
        var printer = Printer.Register("printer-1", "One", PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", autoEject: true, Now);

        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await OrderStore.InsertAsync(session, order, "key-1", "hash", 1, default);
            await PrinterStore.UpsertAsync(session, printer, "secret-hash");
            await PrintJobStore.InsertAsync(session, job);
            await session.CommitAsync();
        }

        printer.MarkOnline(bedClear: true, Now);
        printer.Reserve(job.Id, Now);
        job.Assign(printer.Id, Now);
        job.StartPrinting(Now.AddMinutes(1));
        job.ReportProgress(0.25, Now.AddMinutes(2));
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await PrinterStore.UpdateAsync(session, printer);
            await PrintJobStore.UpdateAsync(session, job);
            await session.CommitAsync();
        }

        var storedOrder = await new OrderStore(_db.Connections).GetAsync(order.Id);
        var storedJob = await new PrintJobStore(_db.Connections).GetAsync(job.Id);
        var storedPrinter = (await new PrinterStore(_db.Connections).ListWithTelemetryAsync()).Single().Printer;

        Assert.NotNull(storedOrder);
        Assert.Equal((order.Status, order.Total, order.ShipBy, order.Express, order.ShippingAddress), (storedOrder.Status, storedOrder.Total, storedOrder.ShipBy, storedOrder.Express, storedOrder.ShippingAddress));
        Assert.Equal(order.Lines, storedOrder.Lines);
        Assert.NotNull(storedJob);
        Assert.Equal((PrintJobStatus.Printing, "printer-1", 0.25, Now.AddMinutes(1)), (storedJob.Status, storedJob.PrinterId, storedJob.Progress, storedJob.StartedAt));
        Assert.Equal((job.PartSize, job.EstimatedPrintTime, job.GcodeSha256, job.GcodeSizeBytes), (storedJob.PartSize, storedJob.EstimatedPrintTime, storedJob.GcodeSha256, storedJob.GcodeSizeBytes));
        Assert.Equal((PrinterStatus.Busy, job.Id, Now), (storedPrinter.Status, storedPrinter.CurrentJobId, storedPrinter.LastSeenAt));
        Assert.Equal("hash", (await new OrderStore(_db.Connections).FindByIdempotencyKeyAsync("key-1"))?.RequestHash);
    }
}
