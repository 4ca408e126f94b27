using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The event relay's reads and writes. Every method takes the relay's session: the cursor, the printer watch, the
/// events and their webhook deliveries move together, so a crash in between repeats nothing and loses nothing.
/// </summary>
public sealed class ShopEventStore(SqliteConnectionFactory connections)
{
    public const string TimelineCursor = "timeline";

    public static Task<long> CursorAsync(DbSession session, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE((SELECT last_id FROM event_relay_cursors WHERE name = @Name), 0)", new { Name = name }, session.Transaction, cancellationToken: cancellationToken));
    }

    public static Task MoveCursorAsync(DbSession session, string name, long lastId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO event_relay_cursors (name, last_id) VALUES (@Name, @LastId) ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id",
            new { Name = name, LastId = lastId }, session.Transaction, cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<TimelineSourceRow>> ReadTimelineAsync(DbSession session, long afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<TimelineSourceRow>(new CommandDefinition(
            """
            SELECT t.id AS Id, t.kind AS Kind, t.detail AS Detail, t.at AS At, o.id AS OrderId, o.number AS OrderNumber, o.status AS OrderStatus,
                   o.currency AS Currency, o.total_minor AS TotalMinor, j.id AS JobId, j.attempt AS Attempt, j.unit_index AS UnitIndex,
                   j.product_id AS ProductId, p.id AS PrinterId, p.name AS PrinterName, p.maker_id AS MakerId, p.auto_eject AS AutoEject,
                   s.carrier AS Carrier, s.tracking_number AS TrackingNumber, s.public_tracking_url AS TrackingUrl
            FROM timeline_events t
            JOIN orders o ON o.id = t.order_id
            LEFT JOIN print_jobs j ON j.id = t.job_id
            LEFT JOIN printers p ON p.id = t.printer_id
            LEFT JOIN shipments s ON s.order_id = t.order_id
            WHERE t.id > @AfterId
            ORDER BY t.id
            LIMIT @Limit
            """,
            new { AfterId = afterId, Limit = limit }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Printers whose status differs from the watch, and printers the watch has not seen yet.</summary>
    public static async Task<IReadOnlyList<PrinterChangeRow>> ReadPrinterChangesAsync(DbSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<PrinterChangeRow>(new CommandDefinition(
            """
            SELECT p.id AS Id, p.name AS Name, p.maker_id AS MakerId, p.status AS Status, p.bed_clear AS BedClear, p.current_job_id AS CurrentJobId,
                   p.status_reason AS StatusReason, w.status AS WasStatus, w.bed_clear AS WasBedClear
            FROM printers p LEFT JOIN printer_watch w ON w.printer_id = p.id
            WHERE w.printer_id IS NULL OR w.status <> p.status
            """,
            transaction: session.Transaction, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public static Task WatchAsync(DbSession session, string printerId, string status, bool bedClear, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO printer_watch (printer_id, status, bed_clear) VALUES (@PrinterId, @Status, @BedClear)
            ON CONFLICT (printer_id) DO UPDATE SET status = excluded.status, bed_clear = excluded.bed_clear
            """,
            new { PrinterId = printerId, Status = status, BedClear = bedClear }, session.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Stores the event and one pending delivery for every active endpoint subscribed to its type.</summary>
    public static async Task<bool> AddAsync(DbSession session, ShopEventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(record);
        var at = DbTime.Write(record.OccurredAt);
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO shop_events (event_id, type, order_id, printer_id, job_id, maker_id, subject_label, detail, during_print, data_json, occurred_at)
            VALUES (@EventId, @Type, @OrderId, @PrinterId, @JobId, @MakerId, @SubjectLabel, @Detail, @DuringPrint, @DataJson, @At)
            ON CONFLICT (event_id) DO NOTHING
            """,
            new { record.EventId, Type = record.Type.ToString(), record.OrderId, record.PrinterId, record.JobId, record.MakerId, record.SubjectLabel, record.Detail, record.DuringPrint, record.DataJson, At = at },
            session.Transaction, cancellationToken: cancellationToken));
        if (inserted == 0 || !WebhookEvents.IsWebhookEvent(record.Type))
        {
            return inserted == 1;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO webhook_deliveries (endpoint_id, event_id, state, attempts, next_attempt_at, created_at)
            SELECT id, @EventId, 'Pending', 0, @At, @At FROM webhook_endpoints
            WHERE active = 1 AND (',' || events || ',') LIKE @Pattern
            ON CONFLICT (endpoint_id, event_id) DO NOTHING
            """,
            new { record.EventId, At = at, Pattern = "%," + WebhookEvents.WireName(record.Type) + ",%" },
            session.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    /// <summary>The stored event behind a delivery (its body is rebuilt from these fields, so a re-send is byte-identical).</summary>
    public async Task<ShopEventRecord?> GetAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(
            """
            SELECT event_id AS EventId, type AS Type, order_id AS OrderId, printer_id AS PrinterId, job_id AS JobId, maker_id AS MakerId,
                   subject_label AS SubjectLabel, detail AS Detail, during_print AS DuringPrint, data_json AS DataJson, occurred_at AS OccurredAt
            FROM shop_events WHERE event_id = @EventId
            """,
            new { EventId = eventId }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    internal class EventRow
    {
        public string EventId { get; init; } = "";

        public string Type { get; init; } = "";

        public string? OrderId { get; init; }

        public string? PrinterId { get; init; }

        public string? JobId { get; init; }

        public string? MakerId { get; init; }

        public string SubjectLabel { get; init; } = "";

        public string? Detail { get; init; }

        public bool DuringPrint { get; init; }

        public string DataJson { get; init; } = "";

        public string OccurredAt { get; init; } = "";

        public ShopEventRecord ToRecord() => new(EventId, Enum.Parse<ShopEventType>(Type), OrderId, PrinterId, JobId, MakerId, SubjectLabel, Detail, DuringPrint, DataJson, DbTime.Read(OccurredAt));
    }
}
