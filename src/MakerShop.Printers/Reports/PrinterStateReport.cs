using MakerShop.Contracts.Mqtt;

namespace MakerShop.Printers.Reports;

public enum ReportedActivity
{
    Offline,
    Idle,
    Working,
    Paused,
    /// <summary>Finished a job and the part is still on the bed.</summary>
    AwaitingBedClear,
    Error,
}

/// <summary>A full state snapshot: the printer's own account of what it is doing and how its last job ended.</summary>
public sealed record PrinterStateReport(
    string PrinterId,
    DateTimeOffset ReceivedAt,
    ReportedActivity Activity,
    string? JobId,
    double? Progress,
    JobOutcome? LastJob,
    IReadOnlyList<HeaterReading> Heaters,
    string? Firmware,
    int? EtaSeconds) : PrinterReport(PrinterId, ReceivedAt);
