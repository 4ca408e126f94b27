using MakerShop.Core;

namespace MakerShop.Printers.Connectors;

/// <summary>
/// One printer backend (firmware-bridge over MQTT, OctoPrint, Moonraker). It carries out an outbox command for a
/// printer of its kind; false means "not delivered now" and the outbox re-sends it later, so delivery must be idempotent.
/// </summary>
public interface IPrinterConnector
{
    PrinterKind Kind { get; }

    PrinterCapabilities Capabilities { get; }

    Task<bool> DeliverAsync(string printerId, string payloadJson, CancellationToken cancellationToken = default);
}
