using MakerShop.Storage;
using MakerShop.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;

namespace MakerShop.Storage.Tests;

/// <summary>A real SQLite file in a folder of its own, deleted afterwards.</summary>
public sealed class TemporaryDatabase : IDisposable
{
    public TemporaryDatabase()
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "makershop-storage-tests", Guid.NewGuid().ToString("N")) };
        Paths = DataPaths.Resolve(options, Path.GetTempPath());
        Paths.EnsureCreated();
        Connections = new SqliteConnectionFactory(Paths, options);
        Migrations = new MigrationRunner(Connections, Paths, TimeProvider.System, NullLogger<MigrationRunner>.Instance);
    }

    public DataPaths Paths { get; }

    public SqliteConnectionFactory Connections { get; }

    public MigrationRunner Migrations { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Paths.DataDirectory, recursive: true);
    }
}
