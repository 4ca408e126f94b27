namespace MakerShop.Printers.Reports;

public sealed record CommandAcknowledgedReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    string CommandId,
    bool Accepted,
    string? Reason) : PrinterReport(PrinterId, ReceivedAt);
