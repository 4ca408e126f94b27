using MakerShop.Core;

namespace MakerShop.Web.Api.Contracts;

/// <summary>What the customer was charged at checkout, with the tax rule that applied and who pays import charges.</summary>
public sealed record ChargesResponse(
    MoneyResponse Goods,
    MoneyResponse Shipping,
    MoneyResponse Tax,
    MoneyResponse Duties,
    MoneyResponse Total,
    string TaxRegime,
    string TaxCountry,
    decimal TaxRate,
    string DutiesPaidBy,
    string? Incoterm,
    string ShippingService)
{
    public static ChargesResponse From(OrderCharges charges)
    {
        ArgumentNullException.ThrowIfNull(charges);
        return new(MoneyResponse.From(charges.Goods), MoneyResponse.From(charges.Shipping), MoneyResponse.From(charges.Tax), MoneyResponse.From(charges.Duties),
            MoneyResponse.From(charges.Total), charges.Regime.ToString(), charges.TaxCountry, charges.TaxRate, charges.DutiesPaidBy.ToString(), charges.Incoterm,
            charges.ShippingService);
    }
}
