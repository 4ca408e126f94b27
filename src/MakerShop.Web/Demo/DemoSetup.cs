using MakerShop.Web.Options;

namespace MakerShop.Web.Demo;

public static class DemoSetup
{
    /// <summary>Demo catalog and fleet, registered after storage and the broker so that they start after them.</summary>
    public static IServiceCollection AddDemoMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName)
            .Validate(d => d.Fleet.Count is >= 0 and <= 64, "MakerShop:Demo:Fleet:Count must be between 0 and 64.")
            .Validate(d => d.Fleet.TimeScale is >= 1 and <= 100_000, "MakerShop:Demo:Fleet:TimeScale must be between 1 and 100000.")
            .Validate<Microsoft.Extensions.Options.IOptions<MqttBrokerOptions>>(
                (d, mqtt) => !(d.Enabled && d.Fleet.Count > 0 && mqtt.Value.Mode == MqttBrokerMode.External),
                "The demo fleet makes fresh printer secrets at every start, which an external broker's password file cannot know: " +
                "use the embedded broker with demo mode, or set MakerShop:Demo:Fleet:Count to 0.")
            .ValidateOnStart();
        var demo = configuration.GetSection(DemoOptions.SectionName).Get<DemoOptions>() ?? new DemoOptions();
        if (demo.Enabled || demo.SeedCatalog)
        {
            services.AddHostedService<DemoCatalogSeeder>();
        }

        if (demo.Enabled && demo.Fleet.Count > 0)
        {
            services.AddHostedService<DemoFleetService>();
        }

        // A mixed farm: one OctoPrint, one Moonraker and one PrusaLink printer beside the bridges (MakerShop:Demo:HttpPrinters=false turns them off).
        if (demo.Enabled && configuration.GetValue(DemoOptions.SectionName + ":HttpPrinters", true))
        {
            services.AddHostedService<DemoHttpPrinterService>();
        }

        return services;
    }
}
