using MakerShop.Contracts.Devices;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Broker;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Devices;

/// <summary>
/// Issues a firmware-bridge printer a new MQTT secret. Only the new hash is stored, so the old secret is refused from
/// the next connect on, and the connection that logged in with it is dropped at once.
/// </summary>
public sealed class DeviceSecretRotation(
    DeviceSecretStore secrets,
    EmbeddedBroker broker,
    IOptions<MqttBrokerOptions> brokerOptions,
    TimeProvider time,
    ILogger<DeviceSecretRotation> logger)
{
    public async Task<DeviceCredentials> RotateAsync(string printerId, PrinterKind kind, CancellationToken cancellationToken = default)
    {
        if (kind != PrinterKind.FirmwareBridge)
        {
            throw new DomainException($"{printerId} is driven over HTTP; it has no MQTT secret to rotate.");
        }

        if (brokerOptions.Value.Mode != MqttBrokerMode.Embedded)
        {
            throw new DomainException("This shop uses an external broker: rotate the printer's password in that broker's password file and in the shop's provisioning together.");
        }

        var secret = DeviceSecrets.NewSecret();
        if (!await secrets.ReplaceAsync(printerId, DeviceSecrets.Hash(secret), time.GetUtcNow(), cancellationToken))
        {
            throw new DomainException($"There is no printer {printerId}.");
        }

        var dropped = await broker.DisconnectPrinterAsync(printerId);
        logger.LogInformation("Rotated the MQTT secret of printer {PrinterId} (open session dropped: {Dropped})", printerId, dropped);
        return new DeviceCredentials(printerId, secret);
    }
}
