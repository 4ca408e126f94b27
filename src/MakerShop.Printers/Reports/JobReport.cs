namespace MakerShop.Printers.Reports;

/// <summary>A job event; <see cref="EventId"/> identifies it across re-deliveries.</summary>
public sealed record JobReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    string EventId,
    JobReportKind Kind,
    string? JobId,
    double? Progress,
    string? Reason) : PrinterReport(PrinterId, ReceivedAt);
