namespace MakerShop.Contracts.Mqtt;

/// <summary>The bridge's answer on <c>commands/ack</c> for one command id.</summary>
public sealed record CommandAckPayload(string CommandId, bool Accepted, string? Reason, DateTimeOffset At) : IVersionedPayload
{
    public int SchemaVersion { get; init; } = ContractJson.SchemaVersion;
}
