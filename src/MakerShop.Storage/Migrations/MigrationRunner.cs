using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MakerShop.Storage.Migrations;

/// <summary>Brings the database to the newest schema this build knows; safe to run on every start.</summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, DataPaths paths, ILogger<MigrationRunner> logger)
{
    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            cancellationToken: cancellationToken));

        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known)
        {
            throw new SchemaTooNewException(paths.DatabaseFile, current, known);
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ApplyOneAsync(connection, migration, cancellationToken);
            logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
        }

        return known;
    }

    private static async Task ApplyOneAsync(SqliteConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O") },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }
}
