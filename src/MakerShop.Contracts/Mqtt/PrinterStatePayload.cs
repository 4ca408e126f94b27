namespace MakerShop.Contracts.Mqtt;

/// <summary>Retained snapshot on <c>state</c>: the truth both sides reconcile against after a reconnect.</summary>
public sealed record PrinterStatePayload(
    BridgeStatus Status,
    IReadOnlyList<HeaterReading> Heaters,
    string? JobId,
    double? Progress,
    int? EtaSeconds,
    string? Firmware,
    JobOutcome? LastJob,
    bool AutoEject,
    DateTimeOffset At) : IVersionedPayload
{
    public int SchemaVersion { get; init; } = ContractJson.SchemaVersion;

    /// <summary>The payload a bridge registers as its last will.</summary>
    public static PrinterStatePayload Offline(DateTimeOffset at) =>
        new(BridgeStatus.Offline, [], null, null, null, null, null, false, at);
}
