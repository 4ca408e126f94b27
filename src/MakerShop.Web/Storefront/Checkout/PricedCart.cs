using MakerShop.Core;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>A cart line priced on the server in the visitor's currency, with what packing and customs need to know.</summary>
public sealed record PricedCartLine(
    int Index,
    CartItem Item,
    string Name,
    Money UnitPrice,
    CartLineProblem? Problem,
    double UnitGrams,
    string HsCode,
    DateOnly ShipsBy,
    DateTimeOffset? ValidUntil)
{
    public Money LineTotal => UnitPrice.MultiplyBy(Item.Quantity);

    /// <summary>The unit price in the shop's own currency, before any conversion (null for a line that has none).</summary>
    public Money? ShopUnitPrice { get; init; }
}

/// <summary>The visitor's cart as the server prices it now.</summary>
public sealed record PricedCart(Currency Currency, IReadOnlyList<PricedCartLine> Lines)
{
    public bool IsEmpty => Lines.Count == 0;

    public bool HasProblems => Lines.Any(l => l.Problem is not null);

    public Money Goods => Lines.Where(l => l.Problem is null).Aggregate(Money.Zero(Currency), (sum, l) => sum + l.LineTotal);

    public int Units => Lines.Sum(l => l.Item.Quantity);

    /// <summary>The goods in the shop's own currency, so tax thresholds convert the shop's price once rather than the
    /// visitor's already-converted one again; null when the lines do not share one shop currency.</summary>
    public Money? ShopGoods
    {
        get
        {
            var priced = Lines.Where(l => l.Problem is null).ToList();
            if (priced.Count == 0 || priced.Any(l => l.ShopUnitPrice is null) || priced.Select(l => l.ShopUnitPrice!.Value.Currency).Distinct().Count() != 1)
            {
                return null;
            }

            return priced.Select(l => l.ShopUnitPrice!.Value.MultiplyBy(l.Item.Quantity)).Aggregate((a, b) => a + b);
        }
    }

    /// <summary>The latest ship date of the lines: the parcel leaves when its last part is printed.</summary>
    public DateOnly? ShipsBy => Lines.Count == 0 ? null : Lines.Max(l => l.ShipsBy);

    /// <summary>Distinct tariff lines in the parcel, which the EU's flat low-value duty counts.</summary>
    public int TariffLines => Math.Max(1, Lines.Select(l => l.HsCode).Distinct(StringComparer.Ordinal).Count());
}
