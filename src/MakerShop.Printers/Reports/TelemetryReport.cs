using MakerShop.Contracts.Mqtt;

namespace MakerShop.Printers.Reports;

/// <summary>Periodic readings; may be dropped without harm.</summary>
public sealed record TelemetryReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds) : PrinterReport(PrinterId, ReceivedAt)
{
    /// <summary>The printer's own clock when it took the readings, when it says; only for measuring delivery delay (readings are ordered by <see cref="PrinterReport.ReceivedAt"/>).</summary>
    public DateTimeOffset? ReportedAt { get; init; }
}
