using Dapper;
using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>The owner's upkeep of the catalog: every product (retired ones too), its details, variants and G-code.</summary>
public sealed class CatalogAdminStore(SqliteConnectionFactory connections)
{
    public async Task<IReadOnlyList<CatalogEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CatalogEntry>(new CommandDefinition(
            """
            SELECT p.id AS Id, p.name AS Name, p.price_minor AS PriceMinor, p.price_currency AS Currency, p.hs_code AS HsCode,
                   p.lead_time_days AS LeadTimeDays, p.retired_at IS NOT NULL AS RetiredFlag,
                   (SELECT COUNT(*) FROM product_materials m WHERE m.product_id = p.id) AS Variants
            FROM products p ORDER BY p.retired_at IS NOT NULL, p.name, p.id
            """,
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<ProductDetails?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ProductDetails>(new CommandDefinition(
            """
            SELECT id AS Id, name AS Name, description AS Description, price_minor AS PriceMinor, price_currency AS Currency,
                   hs_code AS HsCode, net_weight_grams AS NetWeightGrams, lead_time_days AS LeadTimeDays,
                   part_x AS PartX, part_y AS PartY, part_z AS PartZ, estimated_print_seconds AS EstimatedPrintSeconds,
                   gcode_path AS GcodePath, gcode_sha256 AS GcodeSha256, gcode_size AS GcodeSize, filament_grams AS FilamentGrams,
                   retired_at IS NOT NULL AS RetiredFlag
            FROM products WHERE id = @Id
            """,
            new { Id = id },
            cancellationToken: cancellationToken));
    }

    public async Task<bool> ExistsAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM products WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>A new product with its first G-code and variant, stored together.</summary>
    public async Task InsertAsync(ProductDetails product, MaterialOption firstVariant, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(firstVariant);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO products (id, name, description, price_minor, price_currency, part_x, part_y, part_z, estimated_print_seconds,
                gcode_path, gcode_sha256, gcode_size, lead_time_days, created_at, hs_code, net_weight_grams, filament_grams)
            VALUES (@Id, @Name, @Description, @PriceMinor, @Currency, @PartX, @PartY, @PartZ, @EstimatedPrintSeconds,
                @GcodePath, @GcodeSha256, @GcodeSize, @LeadTimeDays, @At, @HsCode, @NetWeightGrams, @FilamentGrams)
            """,
            Parameters(product, at),
            session.Transaction,
            cancellationToken: cancellationToken));
        await AddVariantAsync(session, product.Id, firstVariant, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Name, description, price, customs facts, lead time and part size; the G-code is changed only by upload.</summary>
    public async Task<bool> UpdateDetailsAsync(ProductDetails product, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE products SET name = @Name, description = @Description, price_minor = @PriceMinor, price_currency = @Currency,
                hs_code = @HsCode, net_weight_grams = @NetWeightGrams, lead_time_days = @LeadTimeDays,
                part_x = @PartX, part_y = @PartY, part_z = @PartZ
            WHERE id = @Id
            """,
            Parameters(product, DateTimeOffset.MinValue),
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Points the product at a new G-code file (already on disk) with what its analysis measured, part size included.</summary>
    public async Task<bool> ReplaceGcodeAsync(string id, StoredGcode gcode, TimeSpan printTime, double filamentGrams, Size3 partSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gcode);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE products SET gcode_path = @Path, gcode_sha256 = @Sha, gcode_size = @Size, estimated_print_seconds = @Seconds, filament_grams = @Grams,
                                part_x = @X, part_y = @Y, part_z = @Z
            WHERE id = @Id
            """,
            new
            {
                Id = id, Path = gcode.RelativePath, Sha = gcode.Sha256, Size = gcode.SizeBytes, Seconds = (long)printTime.TotalSeconds, Grams = filamentGrams,
                partSize.X, partSize.Y, partSize.Z,
            },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Adds a variant; false when the product already had it.</summary>
    public async Task<bool> AddVariantAsync(string productId, MaterialOption variant, CancellationToken cancellationToken = default)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var added = await AddVariantAsync(session, productId, variant, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>Removes a variant, never the last one: a product on sale must be orderable in something.</summary>
    public async Task<VariantRemoval> RemoveVariantAsync(string productId, MaterialOption variant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variant);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var count = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM product_materials WHERE product_id = @Id", new { Id = productId }, session.Transaction, cancellationToken: cancellationToken));
        if (count <= 1)
        {
            return VariantRemoval.LastVariant;
        }

        var removed = await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM product_materials WHERE product_id = @Id AND material = @Material AND colour = @Colour",
            new { Id = productId, variant.Material, variant.Colour },
            session.Transaction,
            cancellationToken: cancellationToken));
        await session.CommitAsync(cancellationToken);
        return removed == 1 ? VariantRemoval.Removed : VariantRemoval.NotFound;
    }

    public async Task<IReadOnlyList<MaterialOption>> VariantsAsync(string productId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Material, string Colour)>(new CommandDefinition(
            "SELECT material, colour FROM product_materials WHERE product_id = @Id ORDER BY material, colour", new { Id = productId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MaterialOption(r.Material, r.Colour))];
    }

    /// <summary>Takes the product off the storefront (or puts it back with null).</summary>
    public async Task<bool> SetRetiredAsync(string id, DateTimeOffset? retiredAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE products SET retired_at = @At WHERE id = @Id", new { Id = id, At = DbTime.Write(retiredAt) }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>What the product's G-code extrudes, as measured at upload (null for products stored before that was kept).</summary>
    public static async Task<double?> FilamentGramsAsync(DbSession session, string productId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Connection.ExecuteScalarAsync<double?>(new CommandDefinition(
            "SELECT filament_grams FROM products WHERE id = @Id", new { Id = productId }, session.Transaction, cancellationToken: cancellationToken));
    }

    private static async Task<bool> AddVariantAsync(DbSession session, string productId, MaterialOption variant, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO product_materials (product_id, material, colour) VALUES (@Id, @Material, @Colour) ON CONFLICT DO NOTHING",
            new { Id = productId, variant.Material, variant.Colour },
            session.Transaction,
            cancellationToken: cancellationToken)) == 1;

    private static object Parameters(ProductDetails p, DateTimeOffset at) => new
    {
        p.Id,
        p.Name,
        p.Description,
        p.PriceMinor,
        p.Currency,
        p.PartX,
        p.PartY,
        p.PartZ,
        p.EstimatedPrintSeconds,
        p.GcodePath,
        p.GcodeSha256,
        p.GcodeSize,
        p.LeadTimeDays,
        At = DbTime.Write(at),
        p.HsCode,
        p.NetWeightGrams,
        p.FilamentGrams,
    };
}
