namespace MakerShop.Core.Tests;

public class MoneyTests
{
    public static TheoryData<string, string, MidpointRounding, long> Roundings => new()
    {
        { "EUR", "12.345", MidpointRounding.ToEven, 1234 },
        { "EUR", "12.345", MidpointRounding.AwayFromZero, 1235 },
        { "EUR", "12.355", MidpointRounding.ToEven, 1236 },
        { "EUR", "-12.345", MidpointRounding.AwayFromZero, -1235 },
        { "JPY", "1250.5", MidpointRounding.ToEven, 1250 },
        { "JPY", "1250.5", MidpointRounding.AwayFromZero, 1251 },
        { "JPY", "1251.5", MidpointRounding.ToEven, 1252 },
        { "KWD", "1.2345", MidpointRounding.ToEven, 1234 },
        { "KWD", "1.2345", MidpointRounding.AwayFromZero, 1235 },
        { "KWD", "1.25", MidpointRounding.ToEven, 1250 },
        { "EUR", "0.019", MidpointRounding.ToZero, 1 },
    };

    [Theory]
    [MemberData(nameof(Roundings))]
    public void Decimal_amounts_round_to_the_currencys_minor_unit_as_asked(
        string code, string amount, MidpointRounding rounding, long expectedMinor)
    {
        var money = Money.FromDecimal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Currency.FromCode(code), rounding);

        Assert.Equal(expectedMinor, money.MinorUnits);
    }

    [Theory]
    [InlineData("EUR", 1250, "12.50 EUR")]
    [InlineData("EUR", -5, "-0.05 EUR")]
    [InlineData("JPY", 1250, "1250 JPY")]
    [InlineData("KWD", 1250, "1.250 KWD")]
    [InlineData("USD", 0, "0.00 USD")]
    public void Money_prints_with_the_currencys_own_decimals(string code, long minor, string expected) =>
        Assert.Equal(expected, Money.FromMinor(minor, Currency.FromCode(code)).ToString());

    [Fact]
    public void Money_prints_invariantly_whatever_the_thread_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("12.50 EUR", Money.FromMinor(1250, Currency.Eur).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Adding_and_subtracting_keep_the_currency()
    {
        var a = Money.FromMinor(1250, Currency.Eur);
        var b = Money.FromMinor(99, Currency.Eur);

        Assert.Equal(Money.FromMinor(1349, Currency.Eur), a + b);
        Assert.Equal(Money.FromMinor(-1151, Currency.Eur), b - a);
        Assert.True((b - a).IsNegative);
        Assert.Equal(12.5m, a.ToDecimal());
    }

    [Fact]
    public void Mismatched_currencies_are_refused()
    {
        var eur = Money.FromMinor(100, Currency.Eur);
        var usd = Money.FromMinor(100, Currency.Usd);

        var ex = Assert.Throws<DomainException>(() => eur + usd);
        Assert.Contains("USD", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => eur - usd);
    }

    [Fact]
    public void Default_money_refuses_arithmetic_with_a_clear_error()
    {
        Money unset = default;
        var eur = Money.FromMinor(100, Currency.Eur);

        var ex = Assert.Throws<DomainException>(() => unset + eur);
        Assert.Contains("no currency", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => eur + unset);
        Assert.Throws<DomainException>(() => unset.MultiplyBy(2));
        Assert.Throws<DomainException>(() => unset.ToDecimal());
        Assert.Throws<DomainException>(() => unset.Allocate([1, 1]));
        Assert.Equal("0 (no currency)", unset.ToString());
    }

    [Theory]
    [InlineData(999, "0.19", MidpointRounding.AwayFromZero, 190)] // 189.81
    [InlineData(250, "0.5", MidpointRounding.ToEven, 125)]
    [InlineData(5, "0.5", MidpointRounding.ToEven, 2)]
    [InlineData(5, "0.5", MidpointRounding.AwayFromZero, 3)]
    public void Multiplying_by_a_factor_rounds_once_as_asked(long minor, string factor, MidpointRounding rounding, long expected) =>
        Assert.Equal(
            expected,
            Money.FromMinor(minor, Currency.Eur).Multiply(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), rounding).MinorUnits);

    [Fact]
    public void Multiplying_by_a_quantity_is_exact_and_overflow_is_refused()
    {
        Assert.Equal(Money.FromMinor(3750, Currency.Eur), Money.FromMinor(1250, Currency.Eur).MultiplyBy(3));
        Assert.Throws<DomainException>(() => Money.FromMinor(long.MaxValue / 2, Currency.Eur).MultiplyBy(3));
        Assert.Throws<DomainException>(() => Money.FromMinor(long.MaxValue, Currency.Eur) + Money.FromMinor(1, Currency.Eur));
    }
}
