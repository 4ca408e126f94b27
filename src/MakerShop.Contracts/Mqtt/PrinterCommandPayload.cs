namespace MakerShop.Contracts.Mqtt;

/// <summary>A shop → bridge command on <c>commands</c>; re-sent until acknowledged, applied at most once per <see cref="CommandId"/>.</summary>
public sealed record PrinterCommandPayload(
    string CommandId,
    PrinterCommandKind Kind,
    StartJobArguments? Start,
    string? JobId,
    DateTimeOffset IssuedAt) : IVersionedPayload
{
    public int SchemaVersion { get; init; } = ContractJson.SchemaVersion;
}
