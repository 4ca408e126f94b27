using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MakerShop.Bench.Storefront;

/// <summary>Grows the host's catalog to a given size by copying its first product, straight into its SQLite file.</summary>
internal static class CatalogSeeder
{
    public static async Task<int> GrowToAsync(string databaseFile, int products, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var existing = Convert.ToInt32(await Scalar(connection, transaction, "SELECT COUNT(*) FROM products", cancellationToken), CultureInfo.InvariantCulture);
        for (var i = existing; i < products; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-part-{i:0000}");
            await Execute(connection, transaction,
                """
                INSERT INTO products (id, name, description, price_minor, price_currency, part_x, part_y, part_z,
                    estimated_print_seconds, gcode_path, gcode_sha256, gcode_size, lead_time_days, created_at)
                SELECT $id, 'Bench part ' || $n, description, price_minor + $n, price_currency, part_x, part_y, part_z,
                    estimated_print_seconds, gcode_path, gcode_sha256, gcode_size, lead_time_days, created_at
                FROM products ORDER BY id LIMIT 1
                """,
                id, i, cancellationToken);
            await Execute(connection, transaction,
                """
                INSERT INTO product_materials (product_id, material, colour)
                SELECT $id, material, colour FROM product_materials
                WHERE product_id = (SELECT id FROM products WHERE id NOT LIKE 'bench-part-%' ORDER BY id LIMIT 1)
                """,
                id, i, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Convert.ToInt32(await Scalar(connection, null, "SELECT COUNT(*) FROM products", cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, string id, int n, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$n", n);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
