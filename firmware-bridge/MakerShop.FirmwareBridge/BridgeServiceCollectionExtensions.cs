using Microsoft.Extensions.DependencyInjection;

namespace MakerShop.FirmwareBridge;

public static class BridgeServiceCollectionExtensions
{
    public const string HttpClientName = "gcode";

    /// <summary>Runs one <see cref="PrinterBridge"/> as a hosted service, with options from the "Bridge" section.</summary>
    public static IServiceCollection AddFirmwareBridge(this IServiceCollection services)
    {
        services.AddOptions<BridgeOptions>()
            .BindConfiguration(BridgeOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpClient(HttpClientName);
        services.AddHostedService<BridgeHostedService>();
        return services;
    }
}
