using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The outbox of fulfilments owed to sales channels. A row is written in the transaction that labels the shipment
/// (only for orders that came from a channel), then taken by one sender at a time under a lease and retried with
/// back-off until the channel accepts it.
/// </summary>
public sealed class ChannelFulfilmentStore(SqliteConnectionFactory connections)
{
    public const string Pending = "Pending";
    public const string Sent = "Sent";

    private const string Columns =
        """
        id AS Id, channel AS Channel, order_id AS OrderId, shipment_id AS ShipmentId, carrier AS Carrier, tracking_number AS TrackingNumber,
        tracking_url AS TrackingUrl, state AS State, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError,
        external_fulfilment_id AS ExternalFulfilmentId, created_at AS CreatedAt, updated_at AS UpdatedAt
        """;

    /// <summary>Owes the order's channel a fulfilment for this shipment; does nothing for a storefront order. True when one was owed.</summary>
    public static async Task<bool> EnqueueAsync(
        DbSession session, string orderId, string shipmentId, string carrier, string trackingNumber, string? trackingUrl, DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO channel_fulfilments (channel, order_id, shipment_id, carrier, tracking_number, tracking_url, state, attempts, next_attempt_at, created_at, updated_at)
            SELECT channel, order_id, @ShipmentId, @Carrier, @TrackingNumber, @TrackingUrl, @Pending, 0, @At, @At, @At
            FROM channel_orders WHERE order_id = @OrderId
            ON CONFLICT (shipment_id) DO NOTHING
            """,
            new { OrderId = orderId, ShipmentId = shipmentId, Carrier = carrier, TrackingNumber = trackingNumber, TrackingUrl = trackingUrl, Pending, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Takes the fulfilments due now, each leased until <paramref name="leaseUntil"/> (a sender that dies leaves it to
    /// the next one after that), oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ChannelFulfilment>> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var due = await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM channel_fulfilments WHERE state = @Pending AND next_attempt_at <= @Now ORDER BY next_attempt_at, id LIMIT @Limit",
            new { Pending, Now = DbTime.Write(now), Limit = limit }, cancellationToken: cancellationToken));
        var taken = new List<ChannelFulfilment>();
        foreach (var id in due)
        {
            var leased = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE channel_fulfilments SET next_attempt_at = @Lease, attempts = attempts + 1 WHERE id = @Id AND state = @Pending AND next_attempt_at <= @Now",
                new { Id = id, Pending, Now = DbTime.Write(now), Lease = DbTime.Write(leaseUntil) }, cancellationToken: cancellationToken));
            if (leased == 1 && await GetAsync(connection, id, cancellationToken) is { } row)
            {
                taken.Add(row);
            }
        }

        return taken;
    }

    public async Task MarkSentAsync(long id, string externalFulfilmentId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE channel_fulfilments SET state = @Sent, external_fulfilment_id = @External, last_error = NULL, updated_at = @At WHERE id = @Id",
            new { Id = id, Sent, External = externalFulfilmentId, At = DbTime.Write(at) }, cancellationToken: cancellationToken));
    }

    public async Task ScheduleRetryAsync(long id, string error, DateTimeOffset nextAttemptAt, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE channel_fulfilments SET last_error = @Error, next_attempt_at = @Next, updated_at = @At WHERE id = @Id AND state = @Pending",
            new { Id = id, Pending, Error = error, Next = DbTime.Write(nextAttemptAt), At = DbTime.Write(at) }, cancellationToken: cancellationToken));
    }

    /// <summary>The newest fulfilments of a channel, newest first.</summary>
    public async Task<IReadOnlyList<ChannelFulfilment>> ListRecentAsync(string channel, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_fulfilments WHERE channel = @Channel ORDER BY id DESC LIMIT @Limit",
            new { Channel = channel, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToFulfilment())];
    }

    private static async Task<ChannelFulfilment?> GetAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM channel_fulfilments WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        return row?.ToFulfilment();
    }

    private sealed record Row(
        long Id, string Channel, string OrderId, string ShipmentId, string Carrier, string TrackingNumber, string? TrackingUrl, string State,
        long Attempts, string NextAttemptAt, string? LastError, string? ExternalFulfilmentId, string CreatedAt, string UpdatedAt)
    {
        public ChannelFulfilment ToFulfilment() => new(
            Id, Channel, OrderId, ShipmentId, Carrier, TrackingNumber, TrackingUrl, State, (int)Attempts, DbTime.Read(NextAttemptAt), LastError,
            ExternalFulfilmentId, DbTime.Read(CreatedAt), DbTime.Read(UpdatedAt));
    }
}
