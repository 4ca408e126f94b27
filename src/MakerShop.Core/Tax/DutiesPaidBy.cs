namespace MakerShop.Core;

/// <summary>Who settles import taxes and duties: nobody (no border), the shop at checkout (DDP), or the customer on
/// delivery (DAP).</summary>
public enum DutiesPaidBy
{
    NoBorder,
    Shop,
    Customer,
}
