namespace MakerShop.Core;

/// <summary>
/// One vocabulary for what EasyPost, Shippo and AfterShip report about a tracker (fulfilment.md §1.6). A status a
/// provider invents tomorrow maps to <see cref="Unknown"/> and is kept raw beside it, never an error.
/// </summary>
public enum TrackingStatus
{
    Unknown,
    LabelCreated,
    InTransit,
    OutForDelivery,
    AvailableForPickup,
    DeliveryAttemptFailed,
    Delivered,
    ReturningToSender,
    Exception,
    Expired,
    Cancelled,
}
