namespace MakerShop.Core;

/// <summary>
/// One product in an order. It is validated by <see cref="Order.Place"/>, not here, so the error can name
/// the line's position ("lines[2].quantity").
/// </summary>
public sealed record OrderLine(
    string ProductId,
    string ProductName,
    string Material,
    string Colour,
    int Quantity,
    Money UnitPrice)
{
    public Money LineTotal => UnitPrice.MultiplyBy(Quantity);
}
