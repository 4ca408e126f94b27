using MakerShop.Contracts.Mqtt;

namespace MakerShop.Web.Telemetry;

/// <summary>
/// The newest readings of one printer as the live pages show them. <see cref="Json"/> is serialised once when the
/// reading arrives, so fifty open pages cost fifty string joins, not fifty serialisations. <see cref="At"/> is when
/// the shop received it (the one clock readings are ordered and charted by); <see cref="ReportedAt"/> is the
/// printer's own stamp, kept only so delays from printer to page can be measured.
/// </summary>
public sealed record LiveReading(
    string PrinterId,
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds,
    DateTimeOffset At,
    DateTimeOffset? ReportedAt,
    string Json);
