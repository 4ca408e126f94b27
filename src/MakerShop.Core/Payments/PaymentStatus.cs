namespace MakerShop.Core;

public enum PaymentStatus
{
    Pending,
    Confirmed,
    Failed,
    Refunded,
}
