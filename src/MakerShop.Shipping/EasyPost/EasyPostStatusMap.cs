using MakerShop.Core;

namespace MakerShop.Shipping.EasyPost;

/// <summary>EasyPost tracker <c>status</c> values to the shop's tracking vocabulary (fulfilment.md §1.1, §1.6).</summary>
public static class EasyPostStatusMap
{
    public static TrackingStatus Map(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "pre_transit" => TrackingStatus.LabelCreated,
        "in_transit" => TrackingStatus.InTransit,
        "out_for_delivery" => TrackingStatus.OutForDelivery,
        "available_for_pickup" => TrackingStatus.AvailableForPickup,
        "delivered" => TrackingStatus.Delivered,
        "return_to_sender" => TrackingStatus.ReturningToSender,
        "failure" => TrackingStatus.Exception,
        "cancelled" or "canceled" => TrackingStatus.Cancelled,
        _ => TrackingStatus.Unknown,
    };
}
