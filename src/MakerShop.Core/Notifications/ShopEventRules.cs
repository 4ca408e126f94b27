namespace MakerShop.Core;

/// <summary>
/// How what the shop records becomes events: an order's or job's timeline entry (written in the transaction of the
/// change itself, so an event exists exactly when the change does), or a printer's state changing.
/// </summary>
public static class ShopEventRules
{
    /// <summary>The event a timeline entry of <paramref name="kind"/> stands for, or null for the many that are not events.</summary>
    public static ShopEventType? FromTimeline(string kind, bool isJobEntry) => (kind, isJobEntry) switch
    {
        ("Placed", false) => ShopEventType.OrderPlaced,
        ("Paid", false) => ShopEventType.OrderPaid,
        ("Produced", false) => ShopEventType.OrderProduced,
        ("Shipped", false) => ShopEventType.OrderShipped,
        ("Delivered", false) => ShopEventType.OrderDelivered,
        ("ShipmentException" or "ShipmentReturned", false) => ShopEventType.ParcelException,
        ("Failed", true) => ShopEventType.JobFailed,
        _ => null,
    };

    /// <summary>
    /// Whether a job's ending entry (Completed, Failed, Cancelled on a printer) leaves the printer's bed to clear: the rule
    /// of <see cref="Printer.BedNeedsConfirmingAfter"/>, read from the timeline so that a bed cleared and filled again
    /// between two looks at the printer is still told each time.
    /// </summary>
    public static bool LeavesBedToClear(string kind, bool autoEject) => kind switch
    {
        "Completed" => !autoEject,
        "Failed" or "Cancelled" => true,
        _ => false,
    };

    /// <summary>The topic a person chooses for this event, or null when people are not told about it (integrators are).</summary>
    public static NotificationTopic? TopicOf(ShopEventType type, bool duringPrint) => type switch
    {
        ShopEventType.JobFailed => NotificationTopic.PrintFailed,
        ShopEventType.BedNeedsClearing => NotificationTopic.BedNeedsClearing,
        ShopEventType.PrinterOffline when duringPrint => NotificationTopic.PrinterOfflineMidPrint,
        ShopEventType.OrderPaid => NotificationTopic.PaymentArrived,
        ShopEventType.ParcelException => NotificationTopic.ParcelException,
        _ => null,
    };
}
