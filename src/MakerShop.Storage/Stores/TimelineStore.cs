using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>What happened to an order and its jobs, in order: the audit trail behind the order timeline.</summary>
public sealed class TimelineStore(SqliteConnectionFactory connections)
{
    public static Task AddOrderEventAsync(DbSession session, string orderId, string kind, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO timeline_events (order_id, kind, detail, at) VALUES (@OrderId, @Kind, @Detail, @At)",
            new { OrderId = orderId, Kind = kind, Detail = detail, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task AddJobEventAsync(DbSession session, string jobId, string? printerId, string kind, string? detail, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO timeline_events (order_id, job_id, printer_id, kind, detail, at)
            SELECT order_id, @JobId, @PrinterId, @Kind, @Detail, @At FROM print_jobs WHERE id = @JobId
            """,
            new { JobId = jobId, PrinterId = printerId, Kind = kind, Detail = detail, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<TimelineEntry>> ListForOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(
            "SELECT at AS At, kind AS Kind, detail AS Detail, job_id AS JobId, printer_id AS PrinterId FROM timeline_events WHERE order_id = @OrderId ORDER BY id",
            new { OrderId = orderId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new TimelineEntry(DbTime.Read(r.At), r.Kind, r.Detail, r.JobId, r.PrinterId)).ToList();
    }

    private sealed class TimelineRow
    {
        public string At { get; init; } = "";
        public string Kind { get; init; } = "";
        public string? Detail { get; init; }
        public string? JobId { get; init; }
        public string? PrinterId { get; init; }
    }
}
