using Microsoft.Data.Sqlite;

namespace MakerShop.Storage;

/// <summary>A connection with an open write transaction; every state change and its effects commit together or not at all.</summary>
public sealed class DbSession : IAsyncDisposable
{
    private DbSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public SqliteConnection Connection { get; }

    public SqliteTransaction Transaction { get; }

    public static async Task<DbSession> BeginAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken up front, so two writers never deadlock on upgrade.
            var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
            return new DbSession(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
