using MakerShop.Printers.Mqtt;
using MakerShop.Printers.Reports;
using MakerShop.Storage;
using MakerShop.Web.Devices;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Broker;

public static class BrokerSetup
{
    /// <summary>The embedded broker (unless an external one is configured) and the shop's own MQTT client.</summary>
    public static IServiceCollection AddShopMqtt(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MqttBrokerOptions>().BindConfiguration(MqttBrokerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MqttBrokerOptions>>().Value;
            var clientId = ShopClientId.LoadOrCreate(sp.GetRequiredService<DataPaths>().DataDirectory, options.ShopUsername);
            return ShopBrokerAccount.From(options, clientId);
        });
        services.AddSingleton<DeviceAuthenticator>();
        services.AddSingleton<ReservedPrinterIds>();

        var mode = configuration.GetValue(MqttBrokerOptions.SectionName + ":Mode", MqttBrokerMode.Embedded);
        // Resolvable in both modes (it only runs when embedded), so a secret rotation can drop the old session.
        services.AddSingleton<EmbeddedBroker>();
        if (mode == MqttBrokerMode.Embedded)
        {
            services.AddHostedService(sp => sp.GetRequiredService<EmbeddedBroker>());
        }

        services.AddSingleton(sp =>
        {
            var broker = sp.GetRequiredService<IOptions<MqttBrokerOptions>>().Value;
            var account = sp.GetRequiredService<ShopBrokerAccount>();
            return new MqttConnectionSettings(broker.Host, broker.Port, account.Username, account.Password, account.ClientId)
            {
                DeliveryStallTolerance = TimeSpan.FromSeconds(broker.DeliveryStallSeconds),
            };
        });
        services.AddSingleton<ShopMqttClient>();
        services.AddSingleton<IPrinterCommandPublisher>(sp => sp.GetRequiredService<ShopMqttClient>());
        services.AddHostedService(sp => sp.GetRequiredService<ShopMqttClient>());
        return services;
    }
}
