using MakerShop.Printers.Bambu;
using MakerShop.Printers.Connectors;
using MakerShop.Printers.Http;
using MakerShop.Printers.Moonraker;
using MakerShop.Printers.Mqtt;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.HttpPrinters;

public static class HttpPrintersSetup
{
    /// <summary>
    /// OctoPrint and Moonraker printers next to the MQTT bridges: one connector per printer kind behind the outbox's
    /// publisher, the polling loop, and the printers listed in configuration. Register after <c>AddShopMqtt</c>:
    /// the routing publisher replaces the MQTT client as the outbox's publisher.
    /// </summary>
    public static IServiceCollection AddHttpPrinters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpPrintersOptions>().BindConfiguration(HttpPrintersOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<HttpPrintersOptions>, HttpPrintersOptionsValidator>();
        var options = configuration.GetSection(HttpPrintersOptions.SectionName).Get<HttpPrintersOptions>() ?? new HttpPrintersOptions();
        services.AddHttpPrinterDrivers(new HttpPrinterClientSettings(
            TimeSpan.FromSeconds(options.RequestTimeoutSeconds), TimeSpan.FromSeconds(options.TransferTimeoutSeconds), options.StatusRetries));
        services.AddBambuLanDrivers();

        services.AddSingleton<MakerPrinterAddressGuard>();
        services.AddSingleton<IHttpPrinterAddressFilter>(sp => sp.GetRequiredService<MakerPrinterAddressGuard>());
        services.AddSingleton<HttpPrinterDirectory>();
        services.AddSingleton<IHttpPrinterDirectory>(sp => sp.GetRequiredService<HttpPrinterDirectory>());
        services.AddSingleton<IPrinterKindResolver>(sp => sp.GetRequiredService<HttpPrinterDirectory>());
        services.AddSingleton(sp => new HttpPrinterMonitor(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<HttpPrintersOptions>>().Value.OfflineAfterSeconds)));
        services.AddSingleton<IPrinterConnector, BridgeConnector>();
        services.AddSingleton<PrinterConnectorRegistry>();
        services.AddSingleton<RoutingCommandPublisher>();
        services.AddSingleton<IPrinterCommandPublisher>(sp => sp.GetRequiredService<RoutingCommandPublisher>());
        services.AddSingleton<HttpPrinterProvisioner>();
        services.AddHostedService(sp => sp.GetRequiredService<HttpPrinterProvisioner>());
        services.AddHostedService<HttpPrinterPollingService>();
        if (options.MoonrakerNotifications)
        {
            services.AddHostedService<MoonrakerNotificationListener>();
        }
        return services;
    }
}
