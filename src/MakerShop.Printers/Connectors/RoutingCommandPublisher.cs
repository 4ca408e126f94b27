using MakerShop.Printers.Mqtt;

namespace MakerShop.Printers.Connectors;

/// <summary>
/// The outbox's one publisher: it looks up how each printer is driven and hands the command to that connector,
/// so the dispatcher and the re-sender never know whether a printer speaks MQTT or HTTP.
/// </summary>
public sealed class RoutingCommandPublisher(IPrinterKindResolver kinds, PrinterConnectorRegistry connectors) : IPrinterCommandPublisher
{
    public async Task<bool> PublishAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default)
    {
        var kind = await kinds.KindOfAsync(printerId, cancellationToken);
        return await connectors.For(kind).DeliverAsync(printerId, payloadJson, cancellationToken);
    }
}
