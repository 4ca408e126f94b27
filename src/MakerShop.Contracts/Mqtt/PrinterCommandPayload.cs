namespace MakerShop.Contracts.Mqtt;

public enum PrinterCommandKind
{
    Start,
    Pause,
    Resume,
    Cancel,
    EmergencyStop,
    BedCleared,
}

/// <summary>What a bridge needs to fetch and verify a job's G-code before it prints it.</summary>
public sealed record StartJobArguments(string JobId, Uri GcodeUrl, string Sha256, long SizeBytes);

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
