using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>How busy production is, read without a write transaction: print time still to do and printers in service.</summary>
public sealed class ProductionLoadStore(SqliteConnectionFactory connections)
{
    /// <summary>Seconds of printing left in queued and active jobs (an active job counts only its unprinted share).</summary>
    public async Task<long> RemainingPrintSecondsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var seconds = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            """
            SELECT SUM(estimated_seconds * (1.0 - COALESCE(progress, 0)))
            FROM print_jobs WHERE status IN ('Queued', 'Assigned', 'Transferring', 'Printing', 'Paused')
            """,
            cancellationToken: cancellationToken));
        return (long)Math.Ceiling(seconds ?? 0);
    }
}
