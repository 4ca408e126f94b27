namespace MakerShop.Core;

public enum OrderStatus
{
    Placed,
    Paid,
    InProduction,
    Produced,
    Shipped,
    Delivered,
    Cancelled,
    Refunded,
}
