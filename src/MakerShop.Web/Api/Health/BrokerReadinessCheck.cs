using MakerShop.Printers.Mqtt;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MakerShop.Web.Api.Health;

/// <summary>
/// Ready only while the shop's own MQTT client is connected: without it no print starts and no printer report is
/// read, whether the broker is the embedded one or an external Mosquitto.
/// </summary>
public sealed class BrokerReadinessCheck(ShopMqttClient client, MqttConnectionSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(client.IsConnected
            ? HealthCheckResult.Healthy($"Connected to the MQTT broker at {settings.Host}:{settings.Port}.")
            : HealthCheckResult.Unhealthy($"Not connected to the MQTT broker at {settings.Host}:{settings.Port}."));
}
