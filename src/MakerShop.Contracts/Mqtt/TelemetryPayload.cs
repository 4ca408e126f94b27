namespace MakerShop.Contracts.Mqtt;

/// <summary>Periodic, droppable readings on <c>telemetry</c>.</summary>
public sealed record TelemetryPayload(
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds,
    DateTimeOffset At) : IVersionedPayload
{
    public int SchemaVersion { get; init; } = ContractJson.SchemaVersion;
}
