using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The webhook outbox. A worker claims a due delivery by pushing its next attempt past a lease with a conditional
/// update (two nodes never send the same attempt), sends it, then records the attempt and the next step.
/// </summary>
public sealed class WebhookDeliveryStore(SqliteConnectionFactory connections)
{
    public const string Pending = "Pending";
    public const string Delivered = "Delivered";
    public const string GaveUp = "GaveUp";

    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var candidates = await connection.QueryAsync<DueRow>(new CommandDefinition(
            """
            SELECT d.id AS Id, d.endpoint_id AS EndpointId, e.url AS Url, e.secret AS Secret, d.attempts AS Attempts, d.next_attempt_at AS NextAttemptAt,
                   s.event_id AS EventId, s.type AS Type, s.order_id AS OrderId, s.printer_id AS PrinterId, s.job_id AS JobId, s.maker_id AS MakerId,
                   s.subject_label AS SubjectLabel, s.detail AS Detail, s.during_print AS DuringPrint, s.data_json AS DataJson, s.occurred_at AS OccurredAt
            FROM webhook_deliveries d
            JOIN webhook_endpoints e ON e.id = d.endpoint_id AND e.active = 1
            JOIN shop_events s ON s.event_id = d.event_id
            WHERE d.state = 'Pending' AND d.next_attempt_at <= @Now
            ORDER BY d.next_attempt_at, d.id
            LIMIT @Limit
            """,
            new { Now = DbTime.Write(now), Limit = limit }, cancellationToken: cancellationToken));
        var claimed = new List<DueDelivery>();
        foreach (var row in candidates)
        {
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE webhook_deliveries SET next_attempt_at = @Until WHERE id = @Id AND state = 'Pending' AND next_attempt_at = @Was",
                new { row.Id, Until = DbTime.Write(now + lease), Was = row.NextAttemptAt }, cancellationToken: cancellationToken));
            if (taken == 1)
            {
                claimed.Add(new DueDelivery(row.Id, row.EndpointId, new Uri(row.Url), row.Secret, (int)row.Attempts, row.ToRecord()));
            }
        }

        return claimed;
    }

    /// <summary>Logs attempt <paramref name="attempt"/> and sets what comes next: delivered, another try at <paramref name="nextAttemptAt"/>, or given up.</summary>
    public async Task RecordAttemptAsync(
        long deliveryId, int attempt, DateTimeOffset at, int? httpStatus, string outcome, string? error, string state, DateTimeOffset? nextAttemptAt,
        CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webhook_attempts (delivery_id, attempt, at, http_status, outcome, error) VALUES (@Id, @Attempt, @At, @Status, @Outcome, @Error)",
            new { Id = deliveryId, Attempt = attempt, At = DbTime.Write(at), Status = httpStatus, Outcome = outcome, Error = error },
            session.Transaction, cancellationToken: cancellationToken));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_deliveries SET attempts = @Attempt, state = @State, next_attempt_at = @Next WHERE id = @Id",
            new { Id = deliveryId, Attempt = attempt, State = state, Next = DbTime.Write(nextAttemptAt) },
            session.Transaction, cancellationToken: cancellationToken));
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>The owner's "send again": the delivery is due at once, whatever its state; its attempts keep counting.</summary>
    public async Task<bool> SendAgainAsync(string endpointId, long deliveryId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE webhook_deliveries SET state = 'Pending', next_attempt_at = @Now WHERE id = @Id AND endpoint_id = @EndpointId",
            new { Id = deliveryId, EndpointId = endpointId, Now = DbTime.Write(now) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>The newest attempts of an endpoint's deliveries, and deliveries not tried yet, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryLogEntry>> LogAsync(string endpointId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LogRow>(new CommandDefinition(
            """
            SELECT * FROM (
                SELECT d.id AS DeliveryId, d.event_id AS EventId, s.type AS EventType, s.subject_label AS SubjectLabel, a.attempt AS Attempt, a.at AS At,
                       a.http_status AS HttpStatus, a.outcome AS Outcome, a.error AS Error, d.state AS DeliveryState, d.next_attempt_at AS NextAttemptAt, a.id AS SortId
                FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id JOIN shop_events s ON s.event_id = d.event_id
                WHERE d.endpoint_id = @EndpointId
                UNION ALL
                SELECT d.id, d.event_id, s.type, s.subject_label, 0, d.created_at, NULL, 'Waiting', NULL, d.state, d.next_attempt_at, 0
                FROM webhook_deliveries d JOIN shop_events s ON s.event_id = d.event_id
                WHERE d.endpoint_id = @EndpointId AND d.attempts = 0)
            ORDER BY At DESC, SortId DESC
            LIMIT @Limit
            """,
            new { EndpointId = endpointId, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new DeliveryLogEntry(r.DeliveryId, r.EventId, r.EventType, r.SubjectLabel, (int)r.Attempt, DbTime.Read(r.At), r.HttpStatus is { } s ? (int)s : null,
            r.Outcome, r.Error, r.DeliveryState, DbTime.ReadOptional(r.NextAttemptAt)))];
    }

    private sealed class DueRow : ShopEventStore.EventRow
    {
        public long Id { get; init; }

        public string EndpointId { get; init; } = "";

        public string Url { get; init; } = "";

        public string Secret { get; init; } = "";

        public long Attempts { get; init; }

        public string NextAttemptAt { get; init; } = "";
    }

    private sealed class LogRow
    {
        public long DeliveryId { get; init; }

        public string EventId { get; init; } = "";

        public string EventType { get; init; } = "";

        public string SubjectLabel { get; init; } = "";

        public long Attempt { get; init; }

        public string At { get; init; } = "";

        public long? HttpStatus { get; init; }

        public string Outcome { get; init; } = "";

        public string? Error { get; init; }

        public string DeliveryState { get; init; } = "";

        public string? NextAttemptAt { get; init; }

        public long SortId { get; init; }
    }
}
