using MakerShop.Contracts.Mqtt;

namespace MakerShop.Web.Telemetry;

/// <summary>
/// The newest readings of one printer as the live pages show them. <see cref="Json"/> is serialised once when the
/// reading arrives, so fifty open pages cost fifty string joins, not fifty serialisations.
/// </summary>
public sealed record LiveReading(
    string PrinterId,
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds,
    DateTimeOffset At,
    string Json);
