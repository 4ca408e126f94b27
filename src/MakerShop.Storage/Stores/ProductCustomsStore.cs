using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The customs facts of catalog products: HS code and, when measured, the net weight of one printed unit.</summary>
public sealed class ProductCustomsStore(SqliteConnectionFactory connections)
{
    public async Task<bool> UpdateAsync(string productId, string hsCode, double? netWeightGrams, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE products SET hs_code = @HsCode, net_weight_grams = @Weight WHERE id = @Id",
            new { Id = productId, HsCode = hsCode, Weight = netWeightGrams },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    /// <summary>What packing and customs need to know about the products of an order, read inside its transaction.</summary>
    public static async Task<IReadOnlyDictionary<string, ProductCustomsFacts>> GetFactsAsync(DbSession session, IEnumerable<string> productIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rows = await session.Connection.QueryAsync<ProductCustomsFacts>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, hs_code AS HsCode, net_weight_grams AS NetWeightGrams, gcode_path AS GcodePath FROM products WHERE id IN @Ids",
            new { Ids = productIds.Distinct().ToArray() },
            session.Transaction,
            cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id);
    }
}

/// <summary>A product's name, HS code, measured unit weight (if any) and G-code file (to estimate the weight otherwise).</summary>
public sealed record ProductCustomsFacts(string Id, string Name, string HsCode, double? NetWeightGrams, string GcodePath);
