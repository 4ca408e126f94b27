using MakerShop.Storage;
using MakerShop.Storage.Migrations;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Storage;

public static class StorageSetup
{
    /// <summary>SQLite under the data folder, migrated before any other hosted service starts.</summary>
    public static IServiceCollection AddShopStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => DataPaths.Resolve(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<DataPaths>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<ProductStore>();
        services.AddSingleton<OrderStore>();
        services.AddSingleton<PrintJobStore>();
        services.AddSingleton<PrinterStore>();
        services.AddSingleton<PrinterCommandStore>();
        services.AddSingleton<TimelineStore>();
        services.AddHostedService<DatabaseMigrationService>();
        return services;
    }
}
