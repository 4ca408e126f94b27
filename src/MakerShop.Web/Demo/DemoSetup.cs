using MakerShop.Web.Options;

namespace MakerShop.Web.Demo;

public static class DemoSetup
{
    /// <summary>Demo catalog and fleet, registered after storage and the broker so that they start after them.</summary>
    public static IServiceCollection AddDemoMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var demo = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled || demo.SeedCatalog)
        {
            services.AddHostedService<DemoCatalogSeeder>();
        }

        if (demo.Enabled && demo.Fleet.Count > 0)
        {
            services.AddHostedService<DemoFleetService>();
        }

        return services;
    }
}
