using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The rows behind the dashboard's charts, since a given time; the sums and rates are Core's (Analytics).</summary>
public sealed class DashboardHistoryStore(SqliteConnectionFactory connections)
{
    // Money counts once the order is paid, as in the dashboard's revenue tables.
    private static readonly string[] Earning = ["Paid", "InProduction", "Produced", "Shipped", "Delivered"];

    public async Task<IReadOnlyList<PlacedOrder>> ListPlacedOrdersAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OrderRow>(new CommandDefinition(
            "SELECT placed_at AS PlacedAt, total_minor AS TotalMinor, currency AS Currency, status AS Status FROM orders WHERE placed_at >= @Since ORDER BY placed_at",
            new { Since = DbTime.Write(since) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PlacedOrder(DbTime.Read(r.PlacedAt), Money.FromMinor(r.TotalMinor, Currency.FromCode(r.Currency)), Earning.Contains(r.Status)))];
    }

    /// <summary>Orders whose last part was printed (their order-level Produced event) since the given time.</summary>
    public async Task<IReadOnlyList<ProducedOrder>> ListProducedOrdersAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProducedRow>(new CommandDefinition(
            """
            SELECT e.at AS ProducedAt, o.ship_by AS ShipBy
            FROM orders o
            JOIN (SELECT order_id, MIN(at) AS at FROM timeline_events WHERE kind = 'Produced' AND job_id IS NULL GROUP BY order_id) e
              ON e.order_id = o.id
            WHERE e.at >= @Since
            """,
            new { Since = DbTime.Write(since) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ProducedOrder(DbTime.Read(r.ProducedAt), DbTime.Read(r.ShipBy)))];
    }

    /// <summary>
    /// Every job that printed during [since, now]: from its start to its end, or to now while it is still on the
    /// printer; a job that stopped without an end time ends at its last update.
    /// </summary>
    public async Task<IReadOnlyList<PrintingInterval>> ListPrintingIntervalsAsync(DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<IntervalRow>(new CommandDefinition(
            """
            SELECT printer_id AS PrinterId, started_at AS StartedAt,
                   COALESCE(ended_at, CASE WHEN status IN ('Assigned', 'Transferring', 'Printing', 'Paused') THEN @Now ELSE updated_at END) AS EndedAt
            FROM print_jobs
            WHERE printer_id IS NOT NULL AND started_at IS NOT NULL AND started_at < @Now
              AND (ended_at IS NULL OR ended_at > @Since)
            """,
            new { Since = DbTime.Write(since), Now = DbTime.Write(now) },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PrintingInterval(r.PrinterId, DbTime.Read(r.StartedAt), DbTime.Read(r.EndedAt)))];
    }

    /// <summary>The printers whose hours count: every registered printer in service now.</summary>
    public async Task<IReadOnlyList<PrinterName>> ListPrintersAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PrinterName>(new CommandDefinition(
            "SELECT id AS Id, name AS Name FROM printers WHERE in_service = 1 ORDER BY name, id",
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    private sealed class OrderRow
    {
        public string PlacedAt { get; init; } = "";

        public long TotalMinor { get; init; }

        public string Currency { get; init; } = "";

        public string Status { get; init; } = "";
    }

    private sealed class ProducedRow
    {
        public string ProducedAt { get; init; } = "";

        public string ShipBy { get; init; } = "";
    }

    private sealed class IntervalRow
    {
        public string PrinterId { get; init; } = "";

        public string StartedAt { get; init; } = "";

        public string EndedAt { get; init; } = "";
    }
}
