using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>Quotes; written once, never changed.</summary>
public sealed class QuoteStore(SqliteConnectionFactory connections)
{
    public async Task InsertAsync(QuoteRecord quote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quote);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO quotes (id, model_sha256, slice_key, material, currency, price_minor, created_at, expires_at, document)
            VALUES (@Id, @ModelSha256, @SliceKey, @Material, @Currency, @PriceMinor, @CreatedAt, @ExpiresAt, @Document)
            """,
            new
            {
                quote.Id,
                quote.ModelSha256,
                quote.SliceKey,
                quote.Material,
                quote.Currency,
                quote.PriceMinor,
                CreatedAt = DbTime.Write(quote.CreatedAt),
                ExpiresAt = DbTime.Write(quote.ExpiresAt),
                quote.Document,
            },
            cancellationToken: cancellationToken));
    }

    public async Task<QuoteRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT id AS Id, model_sha256 AS ModelSha256, slice_key AS SliceKey, material AS Material, currency AS Currency,
                price_minor AS PriceMinor, created_at AS CreatedAt, expires_at AS ExpiresAt, document AS Document
            FROM quotes WHERE id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
        return row is null
            ? null
            : new QuoteRecord(row.Id, row.ModelSha256, row.SliceKey, row.Material, row.Currency, row.PriceMinor,
                DbTime.Read(row.CreatedAt), DbTime.Read(row.ExpiresAt), row.Document);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string ModelSha256 { get; init; } = "";
        public string SliceKey { get; init; } = "";
        public string Material { get; init; } = "";
        public string Currency { get; init; } = "";
        public long PriceMinor { get; init; }
        public string CreatedAt { get; init; } = "";
        public string ExpiresAt { get; init; } = "";
        public string Document { get; init; } = "";
    }
}
