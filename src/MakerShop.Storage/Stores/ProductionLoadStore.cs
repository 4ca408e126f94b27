using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The backlog the storefront promises ship dates from: one aggregate query, cheap enough for every page view.</summary>
public sealed class ProductionLoadStore(SqliteConnectionFactory connections)
{
    public async Task<ProductionLoad> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A running job owes only what is left of it; progress is a fraction from 0 to 1.
        var row = await connection.QuerySingleAsync<LoadRow>(new CommandDefinition(
            """
            SELECT
                (SELECT COALESCE(SUM(estimated_seconds * (1.0 - COALESCE(progress, 0.0))), 0)
                   FROM print_jobs
                  WHERE status IN ('Queued', 'Assigned', 'Transferring', 'Printing', 'Paused')) AS BacklogSeconds,
                (SELECT COUNT(*) FROM printers WHERE in_service = 1 AND status <> 'Offline') AS Printers
            """,
            cancellationToken: cancellationToken));
        return new ProductionLoad(TimeSpan.FromSeconds(row.BacklogSeconds), (int)row.Printers);
    }

    private sealed class LoadRow
    {
        public double BacklogSeconds { get; init; }

        public long Printers { get; init; }
    }
}
