using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The tracking timeline of each shipment; a scan already stored is ignored.</summary>
public sealed class ShipmentEventStore(SqliteConnectionFactory connections)
{
    public static async Task<int> AddAsync(DbSession session, string shipmentId, IEnumerable<ShipmentEventRecord> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(events);
        var added = 0;
        foreach (var e in events)
        {
            added += await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO shipment_events (shipment_id, provider, raw_status, message, location, occurred_at_raw, occurred_at, received_at)
                VALUES (@ShipmentId, @Provider, @RawStatus, @Message, @Location, @OccurredAtRaw, @OccurredAt, @ReceivedAt)
                ON CONFLICT (shipment_id, occurred_at_raw, raw_status, message) DO NOTHING
                """,
                new
                {
                    ShipmentId = shipmentId,
                    e.Provider,
                    e.RawStatus,
                    e.Message,
                    e.Location,
                    e.OccurredAtRaw,
                    OccurredAt = DbTime.Write(e.OccurredAt),
                    ReceivedAt = DbTime.Write(e.ReceivedAt),
                },
                session.Transaction,
                cancellationToken: cancellationToken));
        }

        return added;
    }

    /// <summary>The timeline in the order the scans happened (the raw text sorts where no offset was given).</summary>
    public async Task<IReadOnlyList<ShipmentEventRecord>> ListAsync(string shipmentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            SELECT provider AS Provider, raw_status AS RawStatus, message AS Message, location AS Location, occurred_at_raw AS OccurredAtRaw,
                occurred_at AS OccurredAt, received_at AS ReceivedAt
            FROM shipment_events WHERE shipment_id = @Id ORDER BY COALESCE(occurred_at, occurred_at_raw), id
            """,
            new { Id = shipmentId },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new ShipmentEventRecord(r.Provider, r.RawStatus, r.Message, r.Location, r.OccurredAtRaw, DbTime.ReadOptional(r.OccurredAt), DbTime.Read(r.ReceivedAt)))];
    }

    private sealed class Row
    {
        public string Provider { get; init; } = "";
        public string RawStatus { get; init; } = "";
        public string? Message { get; init; }
        public string? Location { get; init; }
        public string OccurredAtRaw { get; init; } = "";
        public string? OccurredAt { get; init; }
        public string ReceivedAt { get; init; } = "";
    }
}
