namespace MakerShop.Contracts.Mqtt;

/// <summary>A job or firmware event on <c>events</c>; <see cref="EventId"/> lets the shop drop duplicates.</summary>
public sealed record PrinterEventPayload(
    string EventId,
    PrinterEventKind Kind,
    string? JobId,
    double? Progress,
    string? Reason,
    DateTimeOffset At) : IVersionedPayload
{
    public int SchemaVersion { get; init; } = ContractJson.SchemaVersion;
}
