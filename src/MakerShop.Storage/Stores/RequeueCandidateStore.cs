using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Units the owner may print again: their latest attempt failed or was cancelled, and their order still wants them.</summary>
public sealed class RequeueCandidateStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<string>> ListJobIdsAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT j.id FROM print_jobs j JOIN orders o ON o.id = j.order_id
            WHERE j.status IN ('Failed', 'Cancelled') AND o.status IN ('Paid', 'InProduction')
              AND NOT EXISTS (SELECT 1 FROM print_jobs later WHERE later.order_id = j.order_id AND later.unit_index = j.unit_index AND later.attempt > j.attempt)
              AND NOT EXISTS (SELECT 1 FROM print_jobs done WHERE done.order_id = j.order_id AND done.unit_index = j.unit_index AND done.status = 'Completed')
            ORDER BY COALESCE(j.ended_at, j.updated_at) DESC, j.id LIMIT @Limit
            """,
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return [.. ids];
    }
}
