using MakerShop.Storage;
using MakerShop.Storage.Migrations;

namespace MakerShop.Web.Storage;

/// <summary>Applies schema migrations at start; registered first so that nothing touches the database before it.</summary>
public sealed class DatabaseMigrationService(MigrationRunner runner, DataPaths paths, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        paths.EnsureCreated();
        var version = await runner.ApplyAsync(MigrationCatalog.All, cancellationToken);
        logger.LogInformation("Database {DatabaseFile} is at schema version {Version}", paths.DatabaseFile, version);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
