using MakerShop.Core;

namespace MakerShop.Storage.Stores;

/// <summary>One line of the fulfilment desk: the shipment with the order's customer, as a person reads it.</summary>
public sealed record DeskShipment(
    string ShipmentId,
    string OrderId,
    string CustomerName,
    string OriginCountry,
    string DestinationCountry,
    ShipmentStatus Status,
    string? Carrier,
    string? TrackingNumber,
    int ParcelCount,
    bool HasCustoms,
    DateTimeOffset ReadySince,
    DateTimeOffset? HandedOverAt,
    DateTimeOffset? DeliveredAt,
    long? OrderNumber = null);
