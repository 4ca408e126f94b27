namespace MakerShop.Core.Tests.Currencies;

public sealed class ExchangeRatesTests
{
    private static readonly ExchangeRates Rates = new(Currency.Eur, new DateOnly(2026, 11, 26),
        new Dictionary<string, decimal> { ["USD"] = 1.0535m, ["JPY"] = 161.42m, ["CHF"] = 0.9312m, ["KWD"] = 0.3245m, ["SEK"] = 11.512m });

    [Fact]
    public void Euros_convert_at_the_reference_rate_rounded_half_away_from_zero_to_cents()
    {
        Assert.Equal(MakerShop.Core.Money.FromMinor(1317, Currency.Usd), Rates.Convert(MakerShop.Core.Money.FromMinor(1250, Currency.Eur), Currency.Usd)); // 13.16875
    }

    [Fact]
    public void Yen_have_no_minor_unit_and_dinars_three()
    {
        Assert.Equal(MakerShop.Core.Money.FromMinor(2018, Currency.Jpy), Rates.Convert(MakerShop.Core.Money.FromMinor(1250, Currency.Eur), Currency.Jpy)); // 2017.75
        Assert.Equal(MakerShop.Core.Money.FromMinor(4056, Currency.FromCode("KWD")), Rates.Convert(MakerShop.Core.Money.FromMinor(1250, Currency.Eur), Currency.FromCode("KWD"))); // 4.05625
    }

    [Fact]
    public void Swiss_francs_round_to_five_rappen_and_kronor_to_whole_kronor()
    {
        Assert.Equal(MakerShop.Core.Money.FromMinor(1165, Currency.Chf), Rates.Convert(MakerShop.Core.Money.FromMinor(1250, Currency.Eur), Currency.Chf)); // 11.64
        Assert.Equal(MakerShop.Core.Money.FromMinor(14400, Currency.FromCode("SEK")), Rates.Convert(MakerShop.Core.Money.FromMinor(1250, Currency.Eur), Currency.FromCode("SEK"))); // 143.90
    }

    [Fact]
    public void Cross_rates_go_through_the_base()
    {
        Assert.Equal(161.42m / 1.0535m, Rates.Rate(Currency.Usd, Currency.Jpy));
    }

    [Fact]
    public void A_currency_without_a_rate_is_refused_naming_the_field()
    {
        var error = Assert.Throws<DomainValidationException>(() => Rates.Convert(MakerShop.Core.Money.FromMinor(100, Currency.Eur), Currency.Gbp));

        Assert.Equal("currency", error.Field);
    }

    [Fact]
    public void A_non_positive_rate_is_refused()
    {
        Assert.Throws<DomainValidationException>(() => new ExchangeRates(Currency.Eur, default, new Dictionary<string, decimal> { ["USD"] = 0 }));
    }
}
