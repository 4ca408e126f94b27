namespace MakerShop.Web.Storefront.Checkout;

/// <summary>One line of a visitor's cart: what they chose, never a price. <paramref name="ItemId"/> is a catalog product
/// id, or <c>quote:{id}</c> for a custom part priced by an instant quote.</summary>
public sealed record CartItem(string ItemId, string Material, string Colour, int Quantity)
{
    public bool IsQuote => ItemId.StartsWith(Production.ProductionRelease.QuotedLinePrefix, StringComparison.Ordinal);

    public string? QuoteId => IsQuote ? ItemId[Production.ProductionRelease.QuotedLinePrefix.Length..] : null;

    public bool SameChoice(CartItem other) =>
        other is not null
        && string.Equals(ItemId, other.ItemId, StringComparison.Ordinal)
        && string.Equals(Material, other.Material, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Colour, other.Colour, StringComparison.OrdinalIgnoreCase);
}
