namespace MakerShop.Core;

/// <summary>What a person can ask to be told about.</summary>
public enum NotificationTopic
{
    PrintFailed,
    BedNeedsClearing,
    PrinterOfflineMidPrint,
    PaymentArrived,
    ParcelException,
}
