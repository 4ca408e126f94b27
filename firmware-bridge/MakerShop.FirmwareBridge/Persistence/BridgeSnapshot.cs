using MakerShop.Contracts.Mqtt;
using MakerShop.FirmwareBridge.Mqtt;
using MakerShop.FirmwareBridge.State;

namespace MakerShop.FirmwareBridge.Persistence;

/// <summary>
/// What <see cref="BridgeJournal"/> keeps on disk: the job the bridge last knew about, the answers given to recent
/// command ids (oldest first), and the events and acks the broker has not taken yet (in publishing order).
/// </summary>
internal sealed record BridgeSnapshot(
    JobRecord Job,
    IReadOnlyList<CommandAckPayload> AppliedCommands,
    IReadOnlyList<OutboxEntry> Outbox)
{
    public const int CurrentSchemaVersion = 1;

    public static BridgeSnapshot Empty { get; } = new(JobRecord.None, [], []);

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
}
