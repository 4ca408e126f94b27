namespace MakerShop.Core;

/// <summary>Something that happened in the shop that an integrator's webhook or a person's notification may be told about.</summary>
public enum ShopEventType
{
    OrderPlaced,
    OrderPaid,
    OrderProduced,
    OrderShipped,
    OrderDelivered,
    JobFailed,
    PrinterOffline,
    BedNeedsClearing,
    ParcelException,
}
