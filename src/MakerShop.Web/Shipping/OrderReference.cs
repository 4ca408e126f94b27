namespace MakerShop.Web.Shipping;

/// <summary>
/// How the fulfilment desk names an order to a person. The one place to change when orders get their short human
/// number (MS-1042): pages, file names and the day's bundle all call this.
/// </summary>
public static class OrderReference
{
    public static string Display(string orderId) => orderId;
}
