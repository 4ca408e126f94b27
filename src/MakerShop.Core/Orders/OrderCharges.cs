namespace MakerShop.Core;

/// <summary>
/// What the customer was charged at checkout, all in the order's currency: the goods, shipping, tax and any duties the
/// shop collects, with the tax rule that applied and who settles import charges. Stored with the order so the invoice,
/// the customs declaration and the payment tell the same story.
/// </summary>
public sealed record OrderCharges(
    Money Goods,
    Money Shipping,
    Money Tax,
    Money Duties,
    TaxRegime Regime,
    string TaxCountry,
    decimal TaxRate,
    DutiesPaidBy DutiesPaidBy,
    string ShippingService)
{
    public Money Total => Goods + Shipping + Tax + Duties;

    /// <summary>"DDP" or "DAP" when the parcel crosses a customs border, otherwise null.</summary>
    public string? Incoterm => DutiesPaidBy switch
    {
        DutiesPaidBy.Shop => "DDP",
        DutiesPaidBy.Customer => "DAP",
        _ => null,
    };

    public static OrderCharges From(LandedPrice landed, string shippingService)
    {
        ArgumentNullException.ThrowIfNull(landed);
        return new OrderCharges(landed.Goods, landed.Shipping, landed.Tax, landed.Duties, landed.Decision.Regime,
            landed.Decision.TaxCountry, landed.Decision.Rate, landed.Decision.DutiesPaidBy, shippingService);
    }

    /// <summary>Refuses charges in another currency than the order's, negative parts, or goods that are not the lines' sum.</summary>
    internal void Validate(Currency currency, Money linesTotal)
    {
        foreach (var (part, amount) in new[] { ("goods", Goods), ("shipping", Shipping), ("tax", Tax), ("duties", Duties) })
        {
            if (amount.Currency != currency)
            {
                throw new DomainValidationException($"charges.{part}", $"The {part} must be in {currency.Code}, the order's currency (got {amount.Currency?.Code ?? "none"}).");
            }

            if (amount.IsNegative)
            {
                throw new DomainValidationException($"charges.{part}", $"The {part} cannot be negative ({amount}).");
            }
        }

        if (Goods != linesTotal)
        {
            throw new DomainValidationException("charges.goods", $"The goods charged ({Goods}) are not the sum of the lines ({linesTotal}).");
        }

        Guard.NotBlank(ShippingService, "charges.shippingService", "The shipping service");
    }
}
