using Dapper;
using MakerShop.Core;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;

namespace MakerShop.Storage.Tests;

/// <summary>Order numbers come from a counter row updated in the order's own transaction, on a real SQLite file.</summary>
public sealed class OrderNumberSequenceTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Parallel_placements_get_distinct_consecutive_numbers_from_the_first_one()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        const int placements = 24;

        // Each placement opens its own connection and transaction, as concurrent checkouts do.
        var numbers = await Task.WhenAll(Enumerable.Range(0, placements).Select(i => Task.Run(() => PlaceAsync($"ord_{i:00}", firstNumber: 1001))));

        Assert.Equal(Enumerable.Range(1001, placements).Select(n => (long)n), numbers.Order());
        await using var connection = await _db.Connections.OpenAsync();
        var stored = (await connection.QueryAsync<long>("SELECT number FROM orders ORDER BY number")).ToList();
        Assert.Equal(numbers.Order(), stored);
    }

    [Fact]
    public async Task A_stored_order_reads_back_with_its_number_and_is_found_by_it()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var number = await PlaceAsync("ord_a", firstNumber: 1);
        var store = new OrderStore(_db.Connections);

        Assert.Equal(1, number);
        Assert.Equal(number, (await store.GetAsync("ord_a"))!.Number);
        Assert.Equal("ord_a", await store.FindIdByNumberAsync(number));
        Assert.Null(await store.FindIdByNumberAsync(99));
    }

    [Fact]
    public async Task Raising_the_first_number_skips_ahead_and_lowering_it_never_reuses_one()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);

        Assert.Equal(1, await PlaceAsync("ord_a", firstNumber: 1));
        Assert.Equal(500, await PlaceAsync("ord_b", firstNumber: 500));
        Assert.Equal(501, await PlaceAsync("ord_c", firstNumber: 1));
    }

    [Fact]
    public async Task A_placement_that_rolls_back_gives_its_number_back()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using (var session = await DbSession.BeginAsync(_db.Connections))
        {
            await OrderStore.InsertAsync(session, NewOrder("ord_rolled_back", Now), null, "hash", 1001);
            // Disposed without commit: the order and its number go together.
        }

        Assert.Equal(1001, await PlaceAsync("ord_kept", firstNumber: 1001));
    }

    [Fact]
    public async Task Two_orders_can_never_share_a_number_even_when_written_around_the_counter()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await PlaceAsync("ord_a", firstNumber: 1);
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync("UPDATE order_number_sequence SET last_value = 0");

        var refused = await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => PlaceAsync("ord_b", firstNumber: 1));

        Assert.Contains("orders.number", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migration_numbers_existing_orders_by_placement_time_and_continues_after_them()
    {
        var all = MigrationCatalog.All;
        await _db.Migrations.ApplyAsync([.. all.Where(m => m.Version < 16)]);
        await using (var connection = await _db.Connections.OpenAsync())
        {
            // Inserted out of order: the numbering follows placed_at, not the insertion or the id.
            foreach (var (id, hoursAgo) in new[] { ("ord_z", 1), ("ord_a", 3), ("ord_m", 2) })
            {
                await connection.ExecuteAsync(
                    """
                    INSERT INTO orders (id, customer_name, customer_email, address_name, address_line1, address_city, address_postal_code,
                        address_country, currency, total_minor, express, placed_at, ship_by, status, updated_at)
                    VALUES (@Id, 'Ada', 'ada@example.com', 'Ada', '1 Rue', 'Lyon', '69001', 'FR', 'EUR', 450, 0, @At, @ShipBy, 'Placed', @At)
                    """,
                    new { Id = id, At = Iso(Now.AddHours(-hoursAgo)), ShipBy = Iso(Now.AddDays(3)) });
            }
        }

        await _db.Migrations.ApplyAsync(all);

        await using (var connection = await _db.Connections.OpenAsync())
        {
            var numbered = (await connection.QueryAsync<(string Id, long Number)>("SELECT id, number FROM orders ORDER BY number")).ToList();
            Assert.Equal([("ord_a", 1L), ("ord_m", 2L), ("ord_z", 3L)], numbered);
        }

        Assert.Equal(4, await PlaceAsync("ord_new", firstNumber: 1));
    }

    private async Task<long> PlaceAsync(string id, long firstNumber)
    {
        var order = NewOrder(id, Now);
        await using var session = await DbSession.BeginAsync(_db.Connections);
        await OrderStore.InsertAsync(session, order, "key-" + id, "hash", firstNumber);
        await session.CommitAsync();
        return order.Number!.Value;
    }

    private static string Iso(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static Order NewOrder(string id, DateTimeOffset at) =>
        Order.Place(id, "Ada", "ada@example.com", new Address("Ada", "1 Rue", null, "Lyon", "69001", null, "FR"), Currency.Eur,
            [new OrderLine("cube", "Cube", "PLA", "black", 1, Money.FromMinor(450, Currency.Eur))], express: false, at, at.AddDays(3));
}
