using MakerShop.Core;

namespace MakerShop.Core.Tests;

public class EuroReferenceRatesTests
{
    private static readonly EuroReferenceRates Rates = new(new DateOnly(2024, 6, 28), "test",
        new Dictionary<string, decimal> { ["USD"] = 1.0705m, ["JPY"] = 171.94m, ["GBP"] = 0.84638m, ["CHF"] = 0.9634m, ["KWD"] = 0.3285m });

    [Fact]
    public void A_euro_price_converts_to_yen_in_whole_yen()
    {
        var price = Money.FromDecimal(18.90m, Currency.Eur, MidpointRounding.AwayFromZero);
        Assert.Equal("3250 JPY", Rates.Convert(price, Currency.Jpy).ToString());
    }

    [Fact]
    public void A_cross_rate_goes_through_the_euro_once()
    {
        var price = Money.FromDecimal(100m, Currency.Gbp, MidpointRounding.AwayFromZero);
        // 100 / 0.84638 * 0.9634 = 113.826...
        Assert.Equal("113.83 CHF", Rates.Convert(price, Currency.Chf).ToString());
    }

    [Fact]
    public void Three_decimal_currencies_keep_their_third_decimal()
    {
        var price = Money.FromDecimal(10m, Currency.Eur, MidpointRounding.AwayFromZero);
        Assert.Equal("3.285 KWD", Rates.Convert(price, Currency.FromCode("KWD")).ToString());
    }

    [Fact]
    public void A_currency_without_a_rate_is_refused_with_its_code()
    {
        var error = Assert.Throws<DomainException>(() => Rates.Convert(Money.FromMinor(100, Currency.Eur), Currency.Aud));
        Assert.Contains("AUD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_rate_is_refused() =>
        Assert.Throws<DomainValidationException>(() => new EuroReferenceRates(new DateOnly(2024, 1, 1), "test", new Dictionary<string, decimal> { ["USD"] = 0m }));
}
