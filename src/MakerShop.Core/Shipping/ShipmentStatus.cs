namespace MakerShop.Core;

/// <summary>Where a shipment is, as the shop sees it; the provider's own wording is kept beside it on the shipment.</summary>
public enum ShipmentStatus
{
    Draft,
    LabelCreated,
    InTransit,
    OutForDelivery,
    Delivered,
    Exception,
    Returned,
}
