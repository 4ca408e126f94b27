using MakerShop.Core;

namespace MakerShop.Shipping.Shippo;

/// <summary>Shippo <c>tracking_status.status</c> (and, where it decides, the substatus code) to the shop's vocabulary.</summary>
public static class ShippoStatusMap
{
    public static TrackingStatus Map(string? status, string? substatus)
    {
        var sub = substatus?.Trim().ToLowerInvariant();
        return status?.Trim().ToUpperInvariant() switch
        {
            "PRE_TRANSIT" => TrackingStatus.LabelCreated,
            "TRANSIT" => sub switch
            {
                "out_for_delivery" => TrackingStatus.OutForDelivery,
                "pickup_available" => TrackingStatus.AvailableForPickup,
                "delivery_attempted" => TrackingStatus.DeliveryAttemptFailed,
                "return_to_sender" => TrackingStatus.ReturningToSender,
                _ => TrackingStatus.InTransit,
            },
            "DELIVERED" => TrackingStatus.Delivered,
            "RETURNED" => TrackingStatus.ReturningToSender,
            "FAILURE" => sub == "delivery_attempted" ? TrackingStatus.DeliveryAttemptFailed : TrackingStatus.Exception,
            _ => TrackingStatus.Unknown,
        };
    }
}
