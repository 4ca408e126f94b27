using MakerShop.Core;

namespace MakerShop.Shipping.AfterShip;

/// <summary>AfterShip delivery status tags (fulfilment.md §1.4) to the shop's vocabulary; subtags are kept raw.</summary>
public static class AfterShipStatusMap
{
    public static TrackingStatus Map(string? tag) => tag?.Trim() switch
    {
        "InfoReceived" => TrackingStatus.LabelCreated,
        "InTransit" => TrackingStatus.InTransit,
        "OutForDelivery" => TrackingStatus.OutForDelivery,
        "AvailableForPickup" => TrackingStatus.AvailableForPickup,
        "AttemptFail" => TrackingStatus.DeliveryAttemptFailed,
        "Delivered" => TrackingStatus.Delivered,
        "Exception" => TrackingStatus.Exception,
        "Expired" => TrackingStatus.Expired,
        _ => TrackingStatus.Unknown,
    };
}
