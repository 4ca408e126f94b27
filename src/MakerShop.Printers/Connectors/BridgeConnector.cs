using MakerShop.Core;
using MakerShop.Printers.Mqtt;

namespace MakerShop.Printers.Connectors;

/// <summary>Firmware-bridges get the outbox payload as it is, on their MQTT command topic; they acknowledge it themselves.</summary>
public sealed class BridgeConnector(ShopMqttClient mqtt) : IPrinterConnector
{
    public static readonly PrinterCapabilities BridgeCapabilities = new(
        CanPause: true, CanResume: true, CanCancel: true, CanEmergencyStop: true, PushesTelemetry: true, VerifiesUploadChecksum: true, ReportsTemperatures: true);

    public PrinterKind Kind => PrinterKind.FirmwareBridge;

    public PrinterCapabilities Capabilities => BridgeCapabilities;

    public Task<bool> DeliverAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default) =>
        mqtt.PublishAsync(printerId, payloadJson, cancellationToken);
}
