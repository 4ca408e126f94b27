using MakerShop.Contracts.Mqtt;
using MakerShop.Core;

namespace MakerShop.Printers.Reports;

/// <summary>
/// A full state snapshot: the printer's own account of what it is doing and how its last job ended.
/// <see cref="ReportedAt"/> is the printer's clock, used only to compare its own snapshots with each other.
/// </summary>
public sealed record PrinterStateReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    ReportedActivity Activity,
    string? JobId,
    double? Progress,
    JobOutcome? LastJob,
    IReadOnlyList<HeaterReading> Heaters,
    string? Firmware,
    int? EtaSeconds,
    DateTimeOffset ReportedAt) : PrinterReport(PrinterId, ReceivedAt)
{
    /// <summary>What the printer says is wrong, when it reports an error (or one of the <see cref="PrinterErrorReasons"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>The spools the printer says it holds, and what a refused job needed; null when the printer does not say.</summary>
    public PrinterFilament? Filament { get; init; }
}
