namespace MakerShop.Core.Tests;

public class CurrencyTests
{
    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("usd", 2)]
    [InlineData("Huf", 2)]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("ISK", 0)]
    [InlineData("CLP", 0)]
    [InlineData("VND", 0)]
    [InlineData("KWD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("TND", 3)]
    public void Currency_lookup_is_case_insensitive_and_knows_the_iso_exponent(string code, int minorUnits)
    {
        var currency = Currency.FromCode(code);

        Assert.Equal(code.ToUpperInvariant(), currency.Code);
        Assert.Equal(minorUnits, currency.MinorUnits);
    }

    [Theory]
    [InlineData("XXX")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("EURO")]
    public void Unknown_currency_is_refused_on_the_currency_field(string? code)
    {
        var ex = Assert.Throws<DomainValidationException>(() => Currency.FromCode(code));

        Assert.Equal("currency", ex.Field);
        Assert.False(Currency.TryFromCode(code, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void Well_known_currencies_are_the_table_entries()
    {
        Assert.Same(Currency.FromCode("EUR"), Currency.Eur);
        Assert.Equal("GBP", Currency.Gbp.Code);
        Assert.Equal("CHF", Currency.Chf.Code);
        Assert.Equal("AUD", Currency.Aud.Code);
        Assert.Equal(0, Currency.Jpy.MinorUnits);
        Assert.Equal(2, Currency.Usd.MinorUnits);
    }
}
