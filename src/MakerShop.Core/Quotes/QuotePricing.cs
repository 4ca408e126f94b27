namespace MakerShop.Core.Quotes;

/// <summary>The price formula: (setup + material + machine time) × (1 + margin), at least the minimum, then converted.</summary>
public static class QuotePricing
{
    public static PriceBreakdown Price(SliceFacts slice, MaterialPrice material, PricingRules rules, ExchangeRates rates, Currency customerCurrency)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rates);
        var currency = rules.Currency;
        if (material.PricePerKg.Currency != currency)
        {
            throw new DomainValidationException("pricing.materials", $"{material.Material} is priced in {material.PricePerKg.Currency.Code}, the rules in {currency.Code}.");
        }

        var materialCost = material.PricePerKg.Multiply((decimal)slice.FilamentGrams / 1000m, MidpointRounding.AwayFromZero);
        var machine = rules.HourlyRate.Multiply((decimal)slice.PrintTime.TotalHours, MidpointRounding.AwayFromZero);
        var cost = rules.SetupFee + materialCost + machine;
        var margin = cost.Multiply(rules.Margin, MidpointRounding.AwayFromZero);
        var withMargin = cost + margin;
        var topUp = withMargin.MinorUnits < rules.MinimumPrice.MinorUnits ? rules.MinimumPrice - withMargin : Money.Zero(currency);
        var total = withMargin + topUp;
        var customer = rates.Convert(total, customerCurrency);
        return new PriceBreakdown(rules.SetupFee, materialCost, machine, margin, topUp, total, customer, rates.Rate(currency, customerCurrency));
    }
}
