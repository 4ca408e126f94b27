using Dapper;
using MakerShop.Storage.Migrations;

namespace MakerShop.Storage.Tests;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly TemporaryDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_new_database_gets_every_shipped_migration()
    {
        var version = await _db.Migrations.ApplyAsync(MigrationCatalog.All);

        await using var connection = await _db.Connections.OpenAsync();
        Assert.Equal(MigrationCatalog.All[^1].Version, version);
        Assert.Equal(MigrationCatalog.All.Select(m => m.Version), await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'print_jobs'"));
    }

    [Fact]
    public async Task Running_the_migrations_again_is_harmless_and_keeps_the_data()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        await using (var connection = await _db.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO processed_printer_events (event_id, printer_id, received_at) VALUES ('e1', 'p1', '2026-01-01T00:00:00Z')");
        }

        await _db.Migrations.ApplyAsync(MigrationCatalog.All);

        await using var again = await _db.Connections.OpenAsync();
        Assert.Equal(MigrationCatalog.All.Count, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(1, await again.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM processed_printer_events"));
    }

    [Fact]
    public async Task Only_the_missing_migrations_are_applied_to_an_older_database()
    {
        var first = new Migration(1, "first", "CREATE TABLE a (id INTEGER PRIMARY KEY)");
        var second = new Migration(2, "second", "CREATE TABLE b (id INTEGER PRIMARY KEY)");
        await _db.Migrations.ApplyAsync([first]);

        var version = await _db.Migrations.ApplyAsync([first, second]);

        await using var connection = await _db.Connections.OpenAsync();
        Assert.Equal(2, version);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b')"));
    }

    [Fact]
    public async Task A_database_with_a_newer_schema_is_refused_with_a_clear_message_and_left_untouched()
    {
        await _db.Migrations.ApplyAsync(MigrationCatalog.All);
        var future = MigrationCatalog.All[^1].Version + 1;
        await using (var connection = await _db.Connections.OpenAsync())
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Future, 'from_the_future', '2030-01-01T00:00:00Z')", new { Future = future });
        }

        var error = await Assert.ThrowsAsync<SchemaTooNewException>(() => _db.Migrations.ApplyAsync(MigrationCatalog.All));

        Assert.Equal(future, error.DatabaseVersion);
        Assert.Equal(MigrationCatalog.All[^1].Version, error.KnownVersion);
        Assert.Contains($"schema version {future}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        await using var after = await _db.Connections.OpenAsync();
        Assert.Equal(future, await after.ExecuteScalarAsync<int>("SELECT MAX(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_is_rolled_back_whole()
    {
        var broken = new Migration(1, "broken", "CREATE TABLE ok_table (id INTEGER); CREATE TABLE ok_table (id INTEGER);");

        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() => _db.Migrations.ApplyAsync([broken]));

        await using var connection = await _db.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('ok_table', 'schema_migrations')"));
    }
}
