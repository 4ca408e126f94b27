using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Payments and the provider events that settle them.</summary>
public sealed class PaymentStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, order_id AS OrderId, provider AS Provider, amount_minor AS AmountMinor, currency AS Currency,
               reference AS Reference, status AS Status, provider_reference AS ProviderReference, created_at AS CreatedAt,
               settled_at AS SettledAt, note AS Note
        FROM payments
        """;

    public static Task InsertAsync(DbSession session, Payment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payment);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payments (id, order_id, provider, amount_minor, currency, reference, status, provider_reference, created_at, settled_at, note)
            VALUES (@Id, @OrderId, @Provider, @AmountMinor, @Currency, @Reference, @Status, @ProviderReference, @CreatedAt, @SettledAt, @Note)
            """,
            Parameters(payment),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateAsync(DbSession session, Payment payment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payment);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE payments SET status = @Status, provider_reference = @ProviderReference, settled_at = @SettledAt, note = @Note WHERE id = @Id",
            Parameters(payment),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<Payment?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToPayment();
    }

    public async Task<Payment?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await QuerySingleAsync(Select + " WHERE id = @Value", id, cancellationToken);

    public async Task<Payment?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default) =>
        await QuerySingleAsync(Select + " WHERE reference = @Value", reference, cancellationToken);

    public async Task<IReadOnlyList<Payment>> ListForOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE order_id = @OrderId ORDER BY created_at, id", new { OrderId = orderId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPayment())];
    }

    /// <summary>Stores a provider event once; false when it was already stored (a re-delivery).</summary>
    public static async Task<bool> TryRecordEventAsync(DbSession session, string provider, string eventId, string kind, string payload, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var inserted = await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO payment_events (provider, event_id, kind, payload, received_at)
            VALUES (@Provider, @EventId, @Kind, @Payload, @At)
            ON CONFLICT (provider, event_id) DO NOTHING
            """,
            new { Provider = provider, EventId = eventId, Kind = kind, Payload = payload, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>True once an event was processed to the end; an event stored but not processed (a crash in between)
    /// is processed again when the provider re-delivers it.</summary>
    public async Task<bool> IsEventProcessedAsync(string provider, string eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM payment_events WHERE provider = @Provider AND event_id = @EventId AND processed_at IS NOT NULL",
            new { Provider = provider, EventId = eventId },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task RecordEventAsync(string provider, string eventId, string kind, string payload, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await TryRecordEventAsync(session, provider, eventId, kind, payload, at, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public async Task MarkEventProcessedAsync(string provider, string eventId, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await MarkEventProcessedAsync(session, provider, eventId, outcome, at, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public async Task FailAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await UpdateAsync(session, payment, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    public static Task MarkEventProcessedAsync(DbSession session, string provider, string eventId, string outcome, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE payment_events SET processed_at = @At, outcome = @Outcome WHERE provider = @Provider AND event_id = @EventId",
            new { Provider = provider, EventId = eventId, Outcome = outcome, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    private async Task<Payment?> QuerySingleAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { Value = value }, cancellationToken: cancellationToken));
        return row?.ToPayment();
    }

    private static object Parameters(Payment payment) => new
    {
        payment.Id,
        payment.OrderId,
        payment.Provider,
        AmountMinor = payment.Amount.MinorUnits,
        Currency = payment.Amount.Currency.Code,
        payment.Reference,
        Status = payment.Status.ToString(),
        payment.ProviderReference,
        CreatedAt = DbTime.Write(payment.CreatedAt),
        SettledAt = payment.SettledAt is { } settled ? DbTime.Write(settled) : null,
        payment.Note,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public string OrderId { get; init; } = "";

        public string Provider { get; init; } = "";

        public long AmountMinor { get; init; }

        public string Currency { get; init; } = "";

        public string Reference { get; init; } = "";

        public string Status { get; init; } = "";

        public string? ProviderReference { get; init; }

        public string CreatedAt { get; init; } = "";

        public string? SettledAt { get; init; }

        public string? Note { get; init; }

        public Payment ToPayment() => Payment.Restore(
            Id, OrderId, Provider, Money.FromMinor(AmountMinor, Core.Currency.FromCode(Currency)), Reference,
            Enum.Parse<PaymentStatus>(Status), ProviderReference, DbTime.Read(CreatedAt),
            SettledAt is null ? null : DbTime.Read(SettledAt), Note);
    }
}
