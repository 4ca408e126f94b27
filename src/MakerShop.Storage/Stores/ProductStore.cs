using MakerShop.Core;
using Dapper;

namespace MakerShop.Storage.Stores;

/// <summary>The catalog: products and the materials they are offered in.</summary>
public sealed class ProductStore(SqliteConnectionFactory connections)
{
    public async Task InsertAsync(Product product, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(product);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO products (id, name, description, price_minor, price_currency, part_x, part_y, part_z,
                estimated_print_seconds, gcode_path, gcode_sha256, gcode_size, lead_time_days, created_at)
            VALUES (@Id, @Name, @Description, @PriceMinor, @PriceCurrency, @PartX, @PartY, @PartZ,
                @EstimatedSeconds, @GcodePath, @GcodeSha256, @GcodeSize, @LeadTimeDays, @CreatedAt)
            """,
            new
            {
                product.Id,
                product.Name,
                product.Description,
                PriceMinor = product.Price.MinorUnits,
                PriceCurrency = product.Price.Currency.Code,
                PartX = product.PartSize.X,
                PartY = product.PartSize.Y,
                PartZ = product.PartSize.Z,
                EstimatedSeconds = (long)product.EstimatedPrintTime.TotalSeconds,
                GcodePath = product.Gcode.RelativePath,
                GcodeSha256 = product.Gcode.Sha256,
                GcodeSize = product.Gcode.SizeBytes,
                product.LeadTimeDays,
                CreatedAt = DbTime.Write(at),
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        foreach (var material in product.Materials)
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO product_materials (product_id, material, colour) VALUES (@ProductId, @Material, @Colour)",
                new { ProductId = product.Id, material.Material, material.Colour },
                session.Transaction,
                cancellationToken: cancellationToken));
        }

        await session.CommitAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM products", cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Product>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ProductRow>(new CommandDefinition(ProductRow.Select + " ORDER BY name", cancellationToken: cancellationToken));
        var materials = (await connection.QueryAsync<MaterialRow>(new CommandDefinition(
            "SELECT product_id AS ProductId, material AS Material, colour AS Colour FROM product_materials ORDER BY product_id, material, colour",
            cancellationToken: cancellationToken))).ToLookup(m => m.ProductId);
        return rows.Select(r => r.ToProduct(materials[r.Id])).ToList();
    }

    public async Task<Product?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ProductRow>(new CommandDefinition(
            ProductRow.Select + " WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var materials = await connection.QueryAsync<MaterialRow>(new CommandDefinition(
            "SELECT product_id AS ProductId, material AS Material, colour AS Colour FROM product_materials WHERE product_id = @Id ORDER BY material, colour",
            new { Id = id },
            cancellationToken: cancellationToken));
        return row.ToProduct(materials);
    }

    /// <summary>One page of the catalog on sale (retired products left out) by name, and how many products there are in all.</summary>
    public async Task<(IReadOnlyList<Product> Products, int Total)> ListPageAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM products WHERE retired_at IS NULL", cancellationToken: cancellationToken));
        var rows = (await connection.QueryAsync<ProductRow>(new CommandDefinition(
            ProductRow.Select + " WHERE retired_at IS NULL ORDER BY name, id LIMIT @Limit OFFSET @Offset", new { Limit = limit, Offset = offset }, cancellationToken: cancellationToken))).ToList();
        var materials = (await connection.QueryAsync<MaterialRow>(new CommandDefinition(
            "SELECT product_id AS ProductId, material AS Material, colour AS Colour FROM product_materials WHERE product_id IN @Ids ORDER BY product_id, material, colour",
            new { Ids = rows.Select(r => r.Id).ToArray() },
            cancellationToken: cancellationToken))).ToLookup(m => m.ProductId);
        return (rows.Select(r => r.ToProduct(materials[r.Id])).ToList(), total);
    }

    private sealed record MaterialRow(string ProductId, string Material, string Colour);

    private sealed class ProductRow
    {
        public const string Select =
            """
            SELECT id AS Id, name AS Name, description AS Description, price_minor AS PriceMinor, price_currency AS PriceCurrency,
                part_x AS PartX, part_y AS PartY, part_z AS PartZ, estimated_print_seconds AS EstimatedSeconds,
                gcode_path AS GcodePath, gcode_sha256 AS GcodeSha256, gcode_size AS GcodeSize, lead_time_days AS LeadTimeDays,
                retired_at AS RetiredAt
            FROM products
            """;

        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Description { get; init; } = "";
        public long PriceMinor { get; init; }
        public string PriceCurrency { get; init; } = "";
        public double PartX { get; init; }
        public double PartY { get; init; }
        public double PartZ { get; init; }
        public long EstimatedSeconds { get; init; }
        public string GcodePath { get; init; } = "";
        public string GcodeSha256 { get; init; } = "";
        public long GcodeSize { get; init; }
        public long LeadTimeDays { get; init; }
        public string? RetiredAt { get; init; }

        public Product ToProduct(IEnumerable<MaterialRow> materials) => new(
            Id,
            Name,
            Description,
            Money.FromMinor(PriceMinor, Currency.FromCode(PriceCurrency)),
            new Size3(PartX, PartY, PartZ),
            TimeSpan.FromSeconds(EstimatedSeconds),
            new StoredGcode(GcodePath, GcodeSha256, GcodeSize),
            materials.Select(m => new MaterialOption(m.Material, m.Colour)).ToList(),
            (int)LeadTimeDays)
        {
            Retired = RetiredAt is not null,
        };
    }
}
