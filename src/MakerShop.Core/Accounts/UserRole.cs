namespace MakerShop.Core;

/// <summary>Who a signed-in person is to the shop: the owner runs it, a maker runs printers for it.</summary>
public enum UserRole
{
    Owner,
    Maker,
}
