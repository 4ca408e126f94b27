using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>The dashboard's "what to do now" counts and its chart rows, read from a real SQLite file holding the cases each rule separates.</summary>
public sealed class DashboardStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan StalledAfter = TimeSpan.FromHours(12);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Each_card_counts_only_the_work_waiting_on_a_person()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);

        // Payments: a transfer awaited (counts), a card payment pending at Stripe and a transfer already confirmed (do not).
        await OrderAsync("ord_wait", OrderStatus.Placed, Now.AddDays(-2), payment: ("bank-transfer", "Pending"));
        await OrderAsync("ord_card", OrderStatus.Placed, Now.AddDays(-1), payment: ("stripe", "Pending"));
        await OrderAsync("ord_paid", OrderStatus.Paid, Now.AddDays(-3), payment: ("bank-transfer", "Confirmed"));
        await ExecuteAsync(
            """
            INSERT INTO bank_receipts (id, source, amount, currency, match, status, recorded_at)
            VALUES ('rcp_open', 'Manual', '12.00', 'EUR', 'Underpaid', 'Open', @At), ('rcp_done', 'Manual', '9.00', 'EUR', 'Exact', 'Confirmed', @At)
            """, new { At = Text(Now) });

        // Printers: a bed to clear after a print, an idle one with a part still on it, one in error, one printing.
        await PrinterAsync("p-bed", "NeedsBedClear", bedClear: false);
        await PrinterAsync("p-part", "Idle", bedClear: false);
        await PrinterAsync("p-error", "Error", bedClear: true);
        await PrinterAsync("p-busy", "Busy", bedClear: true);
        await PrinterAsync("p-idle", "Idle", bedClear: true);

        // Jobs: waiting past the hold-out ceiling (counts), held by the owner or queued recently (do not); a last attempt that
        // failed (counts) and a failed attempt already replaced by a new one (does not).
        await JobAsync("job_old", "ord_paid", 0, 1, "Queued", Now.AddHours(-13));
        await JobAsync("job_held", "ord_paid", 1, 1, "Queued", Now.AddHours(-13), held: true);
        await JobAsync("job_new", "ord_paid", 2, 1, "Queued", Now.AddHours(-1));
        await JobAsync("job_failed", "ord_paid", 3, 3, "Failed", Now.AddHours(-5));
        await JobAsync("job_retried_1", "ord_paid", 4, 1, "Failed", Now.AddHours(-5));
        await JobAsync("job_retried_2", "ord_paid", 4, 2, "Queued", Now.AddHours(-4));

        // Parcels: a draft and a labelled one to ship (count), one on its way (does not); an exception (counts) and a
        // return already refunded (does not).
        await ShipmentAsync("ord_s1", "Draft", Now.AddDays(-1));
        await ShipmentAsync("ord_s2", "LabelCreated", Now.AddHours(-3));
        await ShipmentAsync("ord_s3", "InTransit", Now.AddDays(-4));
        await ShipmentAsync("ord_s4", "Exception", Now.AddDays(-5));
        await ShipmentAsync("ord_s5", "Returned", Now.AddDays(-6), OrderStatus.Refunded);

        var read = await new DashboardAttentionStore(_db.Connections).ReadAsync(Now, StalledAfter, "bank-transfer");

        Assert.Equal(
            new DashboardAttention(
                PaymentsToConfirm: 1, ReceiptsToCheck: 1, OldestPaymentSince: Now.AddDays(-2), BedsToClear: 2,
                JobsWaitingTooLong: 1, JobsFailed: 1, PrintersInError: 1,
                ParcelsToShip: 2, OldestParcelSince: Now.AddDays(-1), TrackingExceptions: 1),
            read);
        Assert.Equal(3, read.JobsStalled);
    }

    [Fact]
    public async Task An_empty_shop_has_nothing_to_do()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var read = await new DashboardAttentionStore(_db.Connections).ReadAsync(Now, StalledAfter, "bank-transfer");
        Assert.Equal(new DashboardAttention(0, 0, null, 0, 0, 0, 0, 0, null, 0), read);
    }

    [Fact]
    public async Task The_chart_rows_are_the_orders_productions_and_printing_intervals_of_the_window()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var since = Now.AddDays(-30);
        await OrderAsync("ord_old", OrderStatus.Delivered, Now.AddDays(-40));
        await OrderAsync("ord_unpaid", OrderStatus.Placed, Now.AddDays(-2));
        await OrderAsync("ord_done", OrderStatus.Produced, Now.AddDays(-3), currency: Currency.Usd);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await TimelineStore.AddOrderEventAsync(session, "ord_done", "Produced", null, Now.AddDays(-1));
            await TimelineStore.AddOrderEventAsync(session, "ord_old", "Produced", null, Now.AddDays(-38));
            await session.CommitAsync();
        }

        await PrinterAsync("printer-1", "Busy", bedClear: true);
        await JobAsync("job_before", "ord_done", 0, 1, "Completed", Now.AddDays(-45), printer: "printer-1", started: Now.AddDays(-45), ended: Now.AddDays(-44));
        await JobAsync("job_across", "ord_done", 1, 1, "Completed", Now.AddDays(-31), printer: "printer-1", started: Now.AddDays(-30).AddHours(-2), ended: Now.AddDays(-30).AddHours(2));
        await JobAsync("job_failed", "ord_done", 2, 1, "Failed", Now.AddDays(-2), printer: "printer-1", started: Now.AddDays(-2), ended: null, updated: Now.AddDays(-2).AddHours(1));
        await JobAsync("job_running", "ord_done", 3, 1, "Printing", Now.AddHours(-1), printer: "printer-1", started: Now.AddMinutes(-30), ended: null);
        await JobAsync("job_queued", "ord_done", 4, 1, "Queued", Now.AddHours(-1));

        var history = new DashboardHistoryStore(_db.Connections);
        var placed = await history.ListPlacedOrdersAsync(since);
        Assert.Equal([(Now.AddDays(-3), Currency.Usd, true), (Now.AddDays(-2), Currency.Eur, false)], placed.Select(p => (p.PlacedAt, p.Total.Currency, p.Earning)));
        Assert.Equal([new ProducedOrder(Now.AddDays(-1), Now.AddDays(2))], await history.ListProducedOrdersAsync(since));

        var intervals = (await history.ListPrintingIntervalsAsync(since, Now)).OrderBy(i => i.Start).ToList();
        Assert.Equal(
            [
                new PrintingInterval("printer-1", Now.AddDays(-30).AddHours(-2), Now.AddDays(-30).AddHours(2)),
                new PrintingInterval("printer-1", Now.AddDays(-2), Now.AddDays(-2).AddHours(1)),
                new PrintingInterval("printer-1", Now.AddMinutes(-30), Now),
            ],
            intervals);
        Assert.Equal([new PrinterName("printer-1", "Printer printer-1")], await history.ListPrintersAsync());
    }

    private async Task OrderAsync(string id, OrderStatus status, DateTimeOffset placedAt, (string Provider, string Status)? payment = null, Currency? currency = null)
    {
        var order = Order.Place(id, "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"), currency ?? Currency.Eur,
            [new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(900, currency ?? Currency.Eur))], express: false, placedAt, placedAt.AddDays(5));
        await using var session = await DbSession.BeginAsync(_db.Connections);
        await OrderStore.InsertAsync(session, order, null, "hash-" + id, 1);
        if (payment is { } p)
        {
            await PaymentStore.InsertAsync(session, Payment.Start("pay_" + id, id, p.Provider, order.Total, "REF-" + id, placedAt));
        }

        await session.CommitAsync();
        await ExecuteAsync("UPDATE orders SET status = @Status WHERE id = @Id", new { Status = status.ToString(), Id = id });
        if (payment is { } q)
        {
            await ExecuteAsync("UPDATE payments SET status = @Status WHERE order_id = @Id", new { q.Status, Id = id });
        }
    }

    private async Task PrinterAsync(string id, string status, bool bedClear)
    {
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await PrinterStore.UpsertAsync(session, Printer.Register(id, "Printer " + id, PrinterKind.FirmwareBridge, new Size3(250, 210, 210), 0.4, "PLA", "black", "FR", autoEject: false, Now), "hash");
            await session.CommitAsync();
        }

        await ExecuteAsync("UPDATE printers SET status = @Status, bed_clear = @Bed WHERE id = @Id", new { Status = status, Bed = bedClear ? 1 : 0, Id = id });
    }

    private async Task JobAsync(string id, string orderId, int unit, int attempt, string status, DateTimeOffset queuedAt, bool held = false,
        string? printer = null, DateTimeOffset? started = null, DateTimeOffset? ended = null, DateTimeOffset? updated = null)
    {
        var job = PrintJob.Create(id, orderId, unit, "cube", "PLA", "black", new Size3(20, 20, 20), TimeSpan.FromMinutes(10), "gcode/cube.gcode",
            new string('a', 64), 1234, Now.AddDays(3), express: false, maxAttempts: 3, queuedAt);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await PrintJobStore.InsertAsync(session, job);
            await session.CommitAsync();
        }

        await ExecuteAsync(
            "UPDATE print_jobs SET status = @Status, attempt = @Attempt, held = @Held, printer_id = @Printer, started_at = @Started, ended_at = @Ended, updated_at = @Updated WHERE id = @Id",
            new
            {
                Status = status, Attempt = attempt, Held = held ? 1 : 0, Printer = printer, Started = Text(started), Ended = Text(ended),
                Updated = Text(updated ?? ended ?? queuedAt), Id = id,
            });
    }

    private async Task ShipmentAsync(string orderId, string status, DateTimeOffset createdAt, OrderStatus orderStatus = OrderStatus.Produced)
    {
        await OrderAsync(orderId, orderStatus, createdAt.AddDays(-3));
        var shipment = Shipment.CreateDraft("shp_" + orderId, orderId, "FR", "FR", [new Parcel(1, 250, new Size3(200, 150, 100), [new ParcelItem(0, 1, 50)])], null, createdAt);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await ShipmentStore.InsertAsync(session, shipment);
            await session.CommitAsync();
        }

        await ExecuteAsync("UPDATE shipments SET status = @Status WHERE id = @Id", new { Status = status, Id = shipment.Id });
    }

    // The stores' own time format: round-trip UTC text that sorts as a string.
    private static string? Text(DateTimeOffset? at) =>
        at?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(string sql, object parameters)
    {
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }
}
