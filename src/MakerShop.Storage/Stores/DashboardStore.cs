using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's dashboard, computed by the database from the same rows everything else uses.</summary>
public sealed class DashboardStore(SqliteConnectionFactory connections)
{
    // Money counts once the order is paid; placed-but-unpaid, cancelled and refunded orders bring none.
    private const string Earning = "status IN ('Paid', 'InProduction', 'Produced', 'Shipped', 'Delivered')";

    public async Task<DashboardFigures> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var utc = now.ToUniversalTime();
        var dayStart = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var p = new { Day = DbTime.Write(dayStart), Month = DbTime.Write(monthStart), Now = DbTime.Write(utc) };
        await using var connection = await connections.OpenAsync(cancellationToken);

        var counts = await connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            SELECT
              (SELECT COUNT(*) FROM orders WHERE placed_at >= @Day) AS OrdersToday,
              (SELECT COUNT(*) FROM orders WHERE placed_at >= @Month) AS OrdersThisMonth,
              (SELECT COUNT(*) FROM printers WHERE status IN ('Busy', 'Paused')) AS Printing,
              (SELECT COUNT(*) FROM printers WHERE status = 'Idle') AS Idle,
              (SELECT COUNT(*) FROM printers WHERE status = 'Offline') AS Offline,
              (SELECT COUNT(*) FROM printers WHERE status NOT IN ('Busy', 'Paused', 'Idle', 'Offline')) AS Other,
              (SELECT COUNT(*) FROM print_jobs WHERE status = 'Queued') AS Queue,
              (SELECT MIN(queued_at) FROM print_jobs WHERE status = 'Queued') AS OldestQueued,
              (SELECT COUNT(*) FROM print_jobs WHERE status = 'Completed') AS Completed,
              (SELECT COUNT(*) FROM print_jobs WHERE status = 'Failed') AS Failed,
              (SELECT COUNT(*) FROM orders WHERE status IN ('Placed', 'Paid', 'InProduction') AND ship_by < @Now) AS Late
            """,
            p,
            cancellationToken: cancellationToken));

        // An order is on time when its last part was printed (the Produced event) by its ship-by date.
        var produced = await connection.QuerySingleAsync<Produced>(new CommandDefinition(
            """
            SELECT COUNT(*) AS Total, COALESCE(SUM(CASE WHEN e.at <= o.ship_by THEN 1 ELSE 0 END), 0) AS OnTime
            FROM orders o
            JOIN (SELECT order_id, MIN(at) AS at FROM timeline_events WHERE kind = 'Produced' AND job_id IS NULL GROUP BY order_id) e
              ON e.order_id = o.id
            """,
            cancellationToken: cancellationToken));

        var byCurrency = await connection.QueryAsync<Sum>(new CommandDefinition(
            $"SELECT currency AS Currency, NULL AS Country, SUM(total_minor) AS Minor FROM orders WHERE {Earning} GROUP BY currency ORDER BY currency",
            cancellationToken: cancellationToken));
        var byCountry = await connection.QueryAsync<Sum>(new CommandDefinition(
            $"SELECT currency AS Currency, address_country AS Country, SUM(total_minor) AS Minor FROM orders WHERE {Earning} GROUP BY address_country, currency ORDER BY address_country, currency",
            cancellationToken: cancellationToken));

        return new DashboardFigures(
            (int)counts.OrdersToday,
            (int)counts.OrdersThisMonth,
            [.. byCurrency.Select(s => Money.FromMinor(s.Minor, Currency.FromCode(s.Currency)))],
            [.. byCountry.Select(s => new CountryRevenue(s.Country!, Money.FromMinor(s.Minor, Currency.FromCode(s.Currency))))],
            (int)counts.Printing,
            (int)counts.Idle,
            (int)counts.Offline,
            (int)counts.Other,
            (int)counts.Queue,
            counts.OldestQueued is null ? null : DbTime.Read(counts.OldestQueued),
            (int)produced.Total,
            (int)produced.OnTime,
            (int)counts.Completed,
            (int)counts.Failed,
            (int)counts.Late);
    }

    private sealed class Counts
    {
        public long OrdersToday { get; init; }

        public long OrdersThisMonth { get; init; }

        public long Printing { get; init; }

        public long Idle { get; init; }

        public long Offline { get; init; }

        public long Other { get; init; }

        public long Queue { get; init; }

        public string? OldestQueued { get; init; }

        public long Completed { get; init; }

        public long Failed { get; init; }

        public long Late { get; init; }
    }

    private sealed class Produced
    {
        public long Total { get; init; }

        public long OnTime { get; init; }
    }

    private sealed class Sum
    {
        public string Currency { get; init; } = "";

        public string? Country { get; init; }

        public long Minor { get; init; }
    }
}
