using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>How busy production is, read without a write transaction: one aggregate query, cheap enough for every page
/// view and every quote.</summary>
public sealed class ProductionLoadStore(SqliteConnectionFactory connections)
{
    /// <summary>Print time still owed to queued and active jobs (an active job counts only its unprinted share), and
    /// the printers in service that are online to work it off.</summary>
    public async Task<ProductionLoad> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
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

    /// <summary>Seconds of printing left in queued and active jobs.</summary>
    public async Task<long> RemainingPrintSecondsAsync(CancellationToken cancellationToken = default) =>
        (long)Math.Ceiling((await ReadAsync(cancellationToken)).Backlog.TotalSeconds);

    private sealed class LoadRow
    {
        public double BacklogSeconds { get; init; }

        public long Printers { get; init; }
    }
}
