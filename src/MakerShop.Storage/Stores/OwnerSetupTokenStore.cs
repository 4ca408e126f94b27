using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>
/// Hashes of the first-run set-up link's token. Kept in the database rather than in one process's memory so that
/// every node of the shop accepts the link the last one to start printed.
/// </summary>
public sealed class OwnerSetupTokenStore(SqliteConnectionFactory connections)
{
    /// <summary>Forgets every earlier link and keeps this one: a restart prints a new link and the old one stops working.</summary>
    public async Task ReplaceAsync(string tokenHash, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await DeleteAllAsync(session, cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO owner_setup_tokens (token_hash, created_at) VALUES (@Hash, @At)",
            new { Hash = tokenHash, At = DbTime.Write(at) },
            session.Transaction,
            cancellationToken: cancellationToken));
        await session.CommitAsync(cancellationToken);
    }

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM owner_setup_tokens", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<string>> ListHashesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT token_hash FROM owner_setup_tokens", cancellationToken: cancellationToken))];
    }

    public static async Task<IReadOnlyList<string>> ListHashesAsync(DbSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [.. await session.Connection.QueryAsync<string>(new CommandDefinition(
            "SELECT token_hash FROM owner_setup_tokens", transaction: session.Transaction, cancellationToken: cancellationToken))];
    }

    public static Task DeleteAllAsync(DbSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM owner_setup_tokens", transaction: session.Transaction, cancellationToken: cancellationToken));
    }
}
