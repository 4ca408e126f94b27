namespace MakerShop.Storage.Stores;

/// <summary>One scan on a shipment's tracking timeline, with the time as the provider wrote it.</summary>
public sealed record ShipmentEventRecord(string Provider, string RawStatus, string? Message, string? Location, string OccurredAtRaw, DateTimeOffset? OccurredAt, DateTimeOffset ReceivedAt);
