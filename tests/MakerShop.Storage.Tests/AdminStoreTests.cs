using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;
using Microsoft.Data.Sqlite;

namespace MakerShop.Storage.Tests;

/// <summary>The owner's stores: spools and their usage, refunds, the owner's priority and settings, on a real SQLite file.</summary>
public sealed class AdminStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_spool_reads_back_and_a_jobs_use_is_recorded_once()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var spools = new SpoolStore(_db.Connections);
        var spool = Spool.Add("spl-1", "PLA", "black", "Prusament", 1000, "printer-1", Now);
        await spools.InsertAsync(spool);
        var (order, job) = await OrderWithJobAsync();

        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            var loaded = await SpoolStore.FindOnPrinterAsync(session, "printer-1") ?? throw new InvalidOperationException("no spool on printer-1");
            loaded.Consume(12.34, Now.AddHours(1));
            await SpoolStore.UpdateAsync(session, loaded);
            Assert.True(await SpoolStore.TryRecordUsageAsync(session, job.Id, loaded.Id, "printer-1", 12.34, 0, Now.AddHours(1)));
            Assert.False(await SpoolStore.TryRecordUsageAsync(session, job.Id, loaded.Id, "printer-1", 12.34, 0, Now.AddHours(2)));
            Assert.True(await SpoolStore.HasUsageAsync(session, job.Id));
            await session.CommitAsync();
        }

        var read = Assert.Single(await spools.ListAsync());
        Assert.Equal(987.66, read.GramsLeft, 6);
        Assert.Equal(("PLA", "black", "Prusament", 1000.0, "printer-1"), (read.Material, read.Colour, read.Brand, read.GramsAtStart, read.PrinterId));
        Assert.Empty(await spools.ListLowAsync(150));
        Assert.Single(await spools.ListLowAsync(1000));
        Assert.NotNull(order);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_negative_spool()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await new SpoolStore(_db.Connections).InsertAsync(Spool.Add("spl-1", "PLA", "black", "Acme", 10, null, Now));

        await using var connection = await _db.Connections.OpenAsync();
        var error = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync("UPDATE spools SET grams_left = -1 WHERE id = 'spl-1'"));
        Assert.Contains("CHECK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refund_and_the_jobs_priority_read_back_and_a_payment_gets_one_refund_only()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var (order, job) = await OrderWithJobAsync();
        var payment = Payment.Start("pay-1", order.Id, "stripe", Money.FromMinor(900, Currency.Eur), "MS-REF1", Now);
        payment.Confirm(Money.FromMinor(900, Currency.Eur), "evt", Now);
        var refund = Refund.For("ref-1", payment, Now);
        refund.Accept("re_1", Now.AddMinutes(1));
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await PaymentStore.InsertAsync(session, payment);
            Assert.Equal(["pay-1"], await RefundStore.UnrefundedPaymentIdsAsync(session, order.Id));
            await RefundStore.InsertAsync(session, refund);
            Assert.Empty(await RefundStore.UnrefundedPaymentIdsAsync(session, order.Id));
            await Assert.ThrowsAsync<SqliteException>(() => RefundStore.InsertAsync(session, Refund.For("ref-2", payment, Now)));
            job.SetPriority(-7, Now);
            await PrintJobStore.UpdateAsync(session, job);
            await session.CommitAsync();
        }

        var read = Assert.Single(await new RefundStore(_db.Connections).ListForOrderAsync(order.Id));
        Assert.Equal((RefundStatus.Completed, "re_1", 900L, Now.AddMinutes(1)), (read.Status, read.ProviderReference, read.Amount.MinorUnits, read.SettledAt!.Value));
        Assert.Equal(-7, (await new PrintJobStore(_db.Connections).GetAsync(job.Id))!.Priority);
    }

    [Fact]
    public async Task Saved_settings_replace_earlier_values_key_by_key()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var store = new ShopSettingsStore(_db.Connections);

        await store.SaveAsync(new Dictionary<string, string> { ["lowStockGrams"] = "150", ["shopName"] = "A" }, Now);
        await store.SaveAsync(new Dictionary<string, string> { ["lowStockGrams"] = "200" }, Now.AddMinutes(1));

        Assert.Equal(new Dictionary<string, string> { ["lowStockGrams"] = "200", ["shopName"] = "A" }, await store.ReadAllAsync());
    }

    private async Task<(Order Order, PrintJob Job)> OrderWithJobAsync()
    {
        var order = Order.Place("ord_1", "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"), Currency.Eur,
            [new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(900, Currency.Eur))], express: false, Now, Now.AddDays(5));
        order.MarkPaid(Now);
        var job = PrintJob.Create("job_1", order.Id, 0, "cube", "PLA", "black", new Size3(20, 20, 20), TimeSpan.FromMinutes(10), "gcode/cube.gcode",
            new string('a', 64), 1234, order.ShipBy, express: false, maxAttempts: 3, Now);
        await using var session = await DbSession.BeginAsync(_db.Connections);
        await OrderStore.InsertAsync(session, order, null, "hash", 1);
        await PrintJobStore.InsertAsync(session, job);
        await session.CommitAsync();
        return (order, job);
    }
}
