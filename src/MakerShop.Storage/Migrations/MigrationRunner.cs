using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MakerShop.Storage.Migrations;

/// <summary>Brings the database to the newest schema this build knows; safe to run on every start.</summary>
public sealed class MigrationRunner(SqliteConnectionFactory connections, DataPaths paths, TimeProvider timeProvider, ILogger<MigrationRunner> logger)
{
    public async Task<int> ApplyAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        await using var connection = await connections.OpenAsync(cancellationToken);

        // One write transaction from reading the version to the last migration: two hosts starting on the same file
        // cannot both decide to apply the same step, and a failed step leaves the schema as it was.
        await using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.Serializable, deferred: false);
        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            transaction: transaction,
            cancellationToken: cancellationToken));

        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
            "SELECT MAX(version) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)) ?? 0;
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > known)
        {
            throw new SchemaTooNewException(paths.DatabaseFile, current, known);
        }

        var applied = new List<Migration>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ApplyOneAsync(connection, transaction, migration, cancellationToken);
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var migration in applied)
        {
            logger.LogInformation("Applied schema migration {Version} {Name}", migration.Version, migration.Name);
        }

        return known;
    }

    private async Task ApplyOneAsync(SqliteConnection connection, SqliteTransaction transaction, Migration migration, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { migration.Version, migration.Name, AppliedAt = timeProvider.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            transaction,
            cancellationToken: cancellationToken));
    }
}
