using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>Refunds, one per confirmed payment.</summary>
public sealed class RefundStore(SqliteConnectionFactory connections)
{
    private const string Select =
        """
        SELECT id AS Id, order_id AS OrderId, payment_id AS PaymentId, provider AS Provider, amount_minor AS AmountMinor,
               currency AS Currency, status AS Status, provider_reference AS ProviderReference, created_at AS CreatedAt,
               settled_at AS SettledAt, note AS Note, attempt AS Attempt
        FROM refunds
        """;

    public static Task InsertAsync(DbSession session, Refund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO refunds (id, order_id, payment_id, provider, amount_minor, currency, status, provider_reference, created_at, settled_at, note, attempt)
            VALUES (@Id, @OrderId, @PaymentId, @Provider, @AmountMinor, @Currency, @Status, @ProviderReference, @CreatedAt, @SettledAt, @Note, @Attempt)
            """,
            Parameters(refund),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static Task UpdateAsync(DbSession session, Refund refund, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE refunds SET status = @Status, provider_reference = @ProviderReference, settled_at = @SettledAt, note = @Note, attempt = @Attempt WHERE id = @Id",
            Parameters(refund),
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<Refund>> ListForOrderAsync(DbSession session, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE order_id = @OrderId ORDER BY created_at, id", new { OrderId = orderId }, session.Transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRefund())];
    }

    public async Task<IReadOnlyList<Refund>> ListForOrderAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + " WHERE order_id = @OrderId ORDER BY created_at, id", new { OrderId = orderId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRefund())];
    }

    public static async Task<Refund?> GetAsync(DbSession session, string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.Connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + " WHERE id = @Id", new { Id = id }, session.Transaction, cancellationToken: cancellationToken));
        return row?.ToRefund();
    }

    /// <summary>The order's payments that brought money in and have not been paid back (or started to be).</summary>
    public static async Task<IReadOnlyList<string>> UnrefundedPaymentIdsAsync(DbSession session, string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var ids = await session.Connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT p.id FROM payments p
            WHERE p.order_id = @OrderId AND p.status = 'Confirmed' AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id)
            ORDER BY p.created_at, p.id
            """,
            new { OrderId = orderId },
            session.Transaction,
            cancellationToken: cancellationToken));
        return [.. ids];
    }

    private static object Parameters(Refund refund) => new
    {
        refund.Id,
        refund.OrderId,
        refund.PaymentId,
        refund.Provider,
        AmountMinor = refund.Amount.MinorUnits,
        Currency = refund.Amount.Currency.Code,
        Status = refund.Status.ToString(),
        refund.ProviderReference,
        CreatedAt = DbTime.Write(refund.CreatedAt),
        SettledAt = DbTime.Write(refund.SettledAt),
        refund.Note,
        refund.Attempt,
    };

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string OrderId { get; init; } = "";
        public string PaymentId { get; init; } = "";
        public string Provider { get; init; } = "";
        public long AmountMinor { get; init; }
        public string Currency { get; init; } = "";
        public string Status { get; init; } = "";
        public string? ProviderReference { get; init; }
        public string CreatedAt { get; init; } = "";
        public string? SettledAt { get; init; }
        public string? Note { get; init; }
        public long Attempt { get; init; }

        public Refund ToRefund() => Refund.Restore(
            Id, OrderId, PaymentId, Provider, Money.FromMinor(AmountMinor, Core.Currency.FromCode(Currency)), Enum.Parse<RefundStatus>(Status),
            ProviderReference, DbTime.Read(CreatedAt), DbTime.ReadOptional(SettledAt), Note, (int)Attempt);
    }
}
