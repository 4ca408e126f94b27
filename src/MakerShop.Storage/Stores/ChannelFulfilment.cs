namespace MakerShop.Storage.Stores;

/// <summary>A fulfilment owed to a channel for one shipment, and how sending it has gone so far.</summary>
public sealed record ChannelFulfilment(
    long Id,
    string Channel,
    string OrderId,
    string ShipmentId,
    string Carrier,
    string TrackingNumber,
    string? TrackingUrl,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    string? ExternalFulfilmentId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
