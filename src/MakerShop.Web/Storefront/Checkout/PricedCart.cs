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
}

/// <summary>The visitor's cart as the server prices it now.</summary>
public sealed record PricedCart(Currency Currency, IReadOnlyList<PricedCartLine> Lines)
{
    public bool IsEmpty => Lines.Count == 0;

    public bool HasProblems => Lines.Any(l => l.Problem is not null);

    public Money Goods => Lines.Where(l => l.Problem is null).Aggregate(Money.Zero(Currency), (sum, l) => sum + l.LineTotal);

    public int Units => Lines.Sum(l => l.Item.Quantity);

    /// <summary>The latest ship date of the lines: the parcel leaves when its last part is printed.</summary>
    public DateOnly? ShipsBy => Lines.Count == 0 ? null : Lines.Max(l => l.ShipsBy);

    /// <summary>Distinct tariff lines in the parcel, which the EU's flat low-value duty counts.</summary>
    public int TariffLines => Math.Max(1, Lines.Select(l => l.HsCode).Distinct(StringComparer.Ordinal).Count());
}
