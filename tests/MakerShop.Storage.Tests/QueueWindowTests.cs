using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>
/// One dispatch pass reads a bounded window of the queue, so a queue of a hundred thousand jobs costs a pass what a
/// queue of a few hundred does, and the window holds the jobs the policy would take first.
/// </summary>
public sealed class QueueWindowTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_window_holds_the_most_urgent_jobs_of_each_filament_and_every_pinned_job()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            // 300 PLA black jobs whose deadlines fall in reverse of their queue order, 3 PETG orange, one PLA job held
            // (most urgent of all, but held) and one pinned to a printer (least urgent, but pinned).
            for (var i = 0; i < 300; i++)
            {
                await InsertAsync(session, $"black_{i:000}", "PLA", "black", shipBy: Now.AddHours(600 - i), queuedAt: Now.AddSeconds(i));
            }

            for (var i = 0; i < 3; i++)
            {
                await InsertAsync(session, $"orange_{i}", "PETG", "orange", shipBy: Now.AddDays(30), queuedAt: Now.AddSeconds(i));
            }

            await InsertAsync(session, "held", "PLA", "black", shipBy: Now.AddHours(1), queuedAt: Now, held: true);
            await InsertAsync(session, "pinned", "PLA", "white", shipBy: Now.AddDays(60), queuedAt: Now, pinnedTo: "printer-x");
            await session.CommitAsync();
        }

        await using var connection = await _db.Connections.OpenAsync();
        var window = await PrintJobStore.ListQueueWindowAsync(connection, null, new QueueWindow(10, DeadlineOrder: true));
        var ids = window.Select(j => j.Id).ToHashSet();

        // The ten black jobs with the earliest ship-by are the last ten queued.
        Assert.Equal(Enumerable.Range(290, 10).Select(i => $"black_{i:000}").ToHashSet(), window.Where(j => j.Colour == "black").Select(j => j.Id).ToHashSet());
        Assert.Equal(["orange_0", "orange_1", "orange_2"], window.Where(j => j.Colour == "orange").Select(j => j.Id).Order());
        Assert.Contains("pinned", ids);
        Assert.DoesNotContain("held", ids);
        Assert.Equal(14, window.Count);

        var fifo = await PrintJobStore.ListQueueWindowAsync(connection, null, new QueueWindow(10, DeadlineOrder: false));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"black_{i:000}").ToHashSet(), fifo.Where(j => j.Colour == "black").Select(j => j.Id).ToHashSet());
    }

    [Theory]
    [InlineData("priority DESC, express DESC, (unixepoch(ship_by) - estimated_seconds), queued_at, id", "ix_print_jobs_queue_deadline")]
    [InlineData("priority DESC, queued_at, id", "ix_print_jobs_queue_fifo")]
    public async Task Each_filament_window_is_read_from_its_index_without_sorting_the_queue(string order, string index)
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using var connection = await _db.Connections.OpenAsync();
        var detail = string.Join(" | ", (await connection.QueryAsync(
            $"EXPLAIN QUERY PLAN SELECT id FROM print_jobs WHERE status = 'Queued' AND held = 0 AND material = 'PLA' AND colour = 'black' ORDER BY {order} LIMIT 10"))
            .Select(row => (string)((IDictionary<string, object>)row)["detail"]));

        Assert.Contains(index, detail, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", detail, StringComparison.Ordinal);
    }

    private static async Task InsertAsync(
        DbSession session, string id, string material, string colour, DateTimeOffset shipBy, DateTimeOffset queuedAt, bool held = false, string? pinnedTo = null)
    {
        var order = Order.Place("ord_" + id, "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"),
            Currency.Eur, [new OrderLine("cube", "Cube", material, colour, 1, Money.FromMinor(450, Currency.Eur))], express: false, queuedAt, shipBy);
        order.MarkPaid(queuedAt);
        await OrderStore.InsertAsync(session, order, null, "hash", 1, default);
        await PrintJobStore.InsertAsync(session, PrintJob.Create(
            id, order.Id, 0, "cube", material, colour, new Size3(20, 20, 20), TimeSpan.FromMinutes(30), "gcode/cube.gcode",
            new string('a', 64), 1234, shipBy, express: false, maxAttempts: 3, queuedAt));
        if (held || pinnedTo is not null)
        {
            await session.Connection.ExecuteAsync(
                "UPDATE print_jobs SET held = @Held, pinned_printer_id = @Pinned WHERE id = @Id",
                new { Held = held ? 1 : 0, Pinned = pinnedTo, Id = id }, session.Transaction);
        }
    }
}
