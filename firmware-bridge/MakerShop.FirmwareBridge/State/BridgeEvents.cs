using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Mqtt;

namespace MakerShop.FirmwareBridge.State;

/// <summary>Builds job and firmware events and hands them to the outbox, which keeps them until the broker has them.</summary>
internal sealed class BridgeEvents(MqttOutbox outbox, TimeProvider timeProvider)
{
    public void Publish(PrinterEventKind kind, string? jobId, double? progress = null, string? reason = null) =>
        outbox.Enqueue(new PrinterEventPayload(Guid.NewGuid().ToString("N"), kind, jobId, progress, reason, timeProvider.GetUtcNow()));
}
