using MakerShop.Contracts.Mqtt;

namespace MakerShop.Printers.Reports;

/// <summary>Periodic readings; may be dropped without harm.</summary>
public sealed record TelemetryReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds) : PrinterReport(PrinterId, ReceivedAt);
