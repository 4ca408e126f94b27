using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// The "confirmation due" marker of an order. It is written with the order; a sender claims it atomically before sending
/// (so two requests never both send) and gives it back when the mail could not go out, so a later pass can try again.
/// </summary>
public sealed class OrderConfirmationStore(SqliteConnectionFactory connections)
{
    public static async Task MarkDueAsync(DbSession session, string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO order_confirmations (order_id, due_at) VALUES (@OrderId, @At)",
            new { OrderId = orderId, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>True for exactly one caller while the confirmation is unsent.</summary>
    public async Task<bool> TryClaimAsync(string orderId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE order_confirmations SET claimed_at = @At WHERE order_id = @OrderId AND claimed_at IS NULL",
            new { OrderId = orderId, At = DbTime.Write(at) },
            cancellationToken: cancellationToken));
        return claimed == 1;
    }

    public async Task ReleaseAsync(string orderId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE order_confirmations SET claimed_at = NULL WHERE order_id = @OrderId",
            new { OrderId = orderId },
            cancellationToken: cancellationToken));
    }
}
