using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Hands out order numbers inside the placing transaction: the counter row is updated (and so locked) by the same
/// transaction that inserts the order, so a number is taken only if the order is stored, and two placements on two
/// nodes wait for each other instead of reading the same value. The unique index on orders.number backs this up.
/// </summary>
public static class OrderNumberSequence
{
    /// <summary>The next number, never below <paramref name="firstNumber"/> (the shop's configured start).</summary>
    public static async Task<long> NextAsync(DbSession session, long firstNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstNumber, 1);
        return await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            UPDATE order_number_sequence
            SET last_value = CASE WHEN last_value + 1 < @First THEN @First ELSE last_value + 1 END
            WHERE id = 1
            RETURNING last_value
            """,
            new { First = firstNumber },
            session.Transaction,
            cancellationToken: cancellationToken));
    }
}
