namespace MakerShop.Printers.Reports;

/// <summary>
/// What a printer told the shop, already translated out of its wire format. Every backend (bridge over MQTT,
/// OctoPrint and Moonraker over HTTP) produces these, so production logic never reads a raw topic or payload.
/// </summary>
public abstract record PrinterReport(string PrinterId, DateTimeOffset ReceivedAt);
