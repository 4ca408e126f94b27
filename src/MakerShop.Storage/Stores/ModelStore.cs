using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Uploaded models by content hash.</summary>
public sealed class ModelStore(SqliteConnectionFactory connections)
{
    /// <summary>Records the model unless the same content is already recorded; returns the stored row either way.</summary>
    public async Task<StoredModel> AddOrGetAsync(StoredModel model, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO models (sha256, format, size_bytes, path, triangles, created_at)
            VALUES (@Sha256, @Format, @SizeBytes, @RelativePath, @Triangles, @CreatedAt)
            ON CONFLICT (sha256) DO NOTHING
            """,
            new { model.Sha256, model.Format, model.SizeBytes, model.RelativePath, model.Triangles, CreatedAt = DbTime.Write(at) },
            cancellationToken: cancellationToken));
        return (await GetAsync(model.Sha256, cancellationToken))!;
    }

    public async Task<StoredModel?> GetAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredModel>(new CommandDefinition(
            "SELECT sha256 AS Sha256, format AS Format, size_bytes AS SizeBytes, path AS RelativePath, triangles AS Triangles FROM models WHERE sha256 = @Sha256",
            new { Sha256 = sha256 },
            cancellationToken: cancellationToken));
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM models", cancellationToken: cancellationToken));
    }
}
