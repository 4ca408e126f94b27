using Dapper;
using MakerShop.Storage;
using MakerShop.Storage.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MakerShop.Web.Api.Health;

/// <summary>
/// Ready only when the database answers and carries the schema this build expects: a node started against a
/// database another node has not finished migrating, or one that cannot be opened, must not take traffic.
/// </summary>
public sealed class DatabaseReadinessCheck(SqliteConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var expected = MigrationCatalog.All.Count == 0 ? 0 : MigrationCatalog.All[^1].Version;
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken)) ?? 0;
            return version == expected
                ? HealthCheckResult.Healthy($"The database answers at schema version {version}.")
                : HealthCheckResult.Unhealthy($"The database is at schema version {version}; this build needs {expected}.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer: " + ex.Message);
        }
    }
}
