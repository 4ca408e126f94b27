using MakerShop.Core.Quotes;

namespace MakerShop.Core.Tests.Quotes;

public sealed class QuotePricingTests
{
    private static readonly ExchangeRates Rates = new(Currency.Eur, new DateOnly(2026, 11, 26), new Dictionary<string, decimal> { ["USD"] = 1.10m });

    private static readonly PricingRules Rules = new(Eur(5.00m), Eur(4.00m), Eur(8.00m), 0.30m);

    private static readonly MaterialPrice Pla = new("PLA", Eur(25.00m));

    [Fact]
    public void Price_is_setup_plus_material_plus_machine_time_plus_margin()
    {
        // 40 g of PLA at 25/kg = 1.00; 2.5 h at 4/h = 10.00; + 5.00 setup = 16.00; +30 % = 20.80.
        var price = QuotePricing.Price(SliceFacts.Create(TimeSpan.FromHours(2.5), 40, 13_000, 100), Pla, Rules, Rates, Currency.Eur);

        Assert.Equal(Eur(1.00m), price.Material);
        Assert.Equal(Eur(10.00m), price.Machine);
        Assert.Equal(Eur(4.80m), price.Margin);
        Assert.Equal(Eur(20.80m), price.Total);
        Assert.Equal(price.Total, price.CustomerPrice);
        Assert.True(price.MinimumTopUp.IsZero);
    }

    [Fact]
    public void A_tiny_part_costs_the_minimum_price()
    {
        var price = QuotePricing.Price(SliceFacts.Create(TimeSpan.FromMinutes(1), 0.2, 60, 5), Pla, Rules, Rates, Currency.Eur);

        Assert.Equal(Eur(8.00m), price.Total);
        Assert.False(price.MinimumTopUp.IsZero);
    }

    [Fact]
    public void More_time_and_filament_cost_more()
    {
        var small = QuotePricing.Price(SliceFacts.Create(TimeSpan.FromMinutes(30), 5, 1_600, 50), Pla, Rules, Rates, Currency.Eur);
        var big = QuotePricing.Price(SliceFacts.Create(TimeSpan.FromMinutes(90), 25, 8_000, 150), Pla, Rules, Rates, Currency.Eur);

        Assert.True(big.Total.MinorUnits > small.Total.MinorUnits);
    }

    [Fact]
    public void The_customer_price_is_converted_from_the_shop_total()
    {
        var price = QuotePricing.Price(SliceFacts.Create(TimeSpan.FromHours(2.5), 40, 13_000, 100), Pla, Rules, Rates, Currency.Usd);

        Assert.Equal(MakerShop.Core.Money.FromMinor(2288, Currency.Usd), price.CustomerPrice);
        Assert.Equal(1.10m, price.ExchangeRate);
    }

    [Fact]
    public void Rules_refuse_a_negative_fee_or_an_absurd_margin()
    {
        Assert.Throws<DomainValidationException>(() => new PricingRules(Eur(-1), Eur(1), Eur(1), 0.3m));
        Assert.Throws<DomainValidationException>(() => new PricingRules(Eur(1), Eur(1), Eur(1), -0.1m));
    }

    private static MakerShop.Core.Money Eur(decimal amount) => MakerShop.Core.Money.FromDecimal(amount, Currency.Eur, MidpointRounding.AwayFromZero);
}
