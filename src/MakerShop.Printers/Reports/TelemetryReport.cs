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
    /// <summary>The printer's own clock when it took the readings, when it says; shown live and used to measure delivery delay.</summary>
    public DateTimeOffset? ReportedAt { get; init; }
}
