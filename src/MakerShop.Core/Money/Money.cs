using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// An amount in a currency's minor unit (cents, yen, fils). Whole minor units only, so sums never drift
/// and every conversion from a decimal states its rounding.
/// </summary>
public readonly record struct Money(long MinorUnits, Currency Currency)
{
    private static readonly decimal[] PowersOfTen = [1m, 10m, 100m, 1000m, 10000m];

    public bool IsNegative => MinorUnits < 0;

    public bool IsZero => MinorUnits == 0;

    public static Money Zero(Currency currency) => FromMinor(0, currency);

    public static Money FromMinor(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(minorUnits, currency);
    }

    /// <summary>
    /// Converts a major-unit amount. There is deliberately no default rounding: prices want
    /// <see cref="MidpointRounding.AwayFromZero"/> as customers expect, bulk statistics want ToEven.
    /// </summary>
    public static Money FromDecimal(decimal amount, Currency currency, MidpointRounding rounding)
    {
        ArgumentNullException.ThrowIfNull(currency);
        try
        {
            var minor = Math.Round(amount * PowersOfTen[currency.MinorUnits], 0, rounding);
            return new Money(decimal.ToInt64(minor), currency);
        }
        catch (OverflowException ex)
        {
            throw new DomainException($"{amount.ToString(CultureInfo.InvariantCulture)} {currency.Code} is too large to be an amount.", ex);
        }
    }

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public Money Add(Money other)
    {
        var currency = SameCurrency(other, "add");
        return new Money(Fit((Int128)MinorUnits + other.MinorUnits), currency);
    }

    public Money Subtract(Money other)
    {
        var currency = SameCurrency(other, "subtract");
        return new Money(Fit((Int128)MinorUnits - other.MinorUnits), currency);
    }

    public decimal ToDecimal() => (decimal)MinorUnits / PowersOfTen[RequireCurrency().MinorUnits];

    /// <summary>Scales by a factor such as a discount or a tax rate, rounding once at the end.</summary>
    public Money Multiply(decimal factor, MidpointRounding rounding)
    {
        var currency = RequireCurrency();
        try
        {
            var minor = Math.Round(MinorUnits * factor, 0, rounding);
            return new Money(decimal.ToInt64(minor), currency);
        }
        catch (OverflowException ex)
        {
            throw new DomainException($"{this} × {factor.ToString(CultureInfo.InvariantCulture)} overflows.", ex);
        }
    }

    public Money MultiplyBy(int quantity)
    {
        var currency = RequireCurrency();
        return new Money(Fit((Int128)MinorUnits * quantity), currency);
    }

    /// <summary>
    /// Splits the amount in proportion to <paramref name="ratios"/> so the parts add up exactly. Each part
    /// gets its floor share; the leftover minor units go one each to the parts with the largest remainder
    /// (earlier parts win ties), which is the split a person doing it by hand would choose.
    /// </summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<int> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var currency = RequireCurrency();
        if (ratios.Count == 0)
        {
            throw new DomainException("Allocation needs at least one ratio.");
        }

        long ratioSum = 0;
        foreach (var ratio in ratios)
        {
            if (ratio < 0)
            {
                throw new DomainException("Allocation ratios cannot be negative.");
            }

            ratioSum += ratio;
        }

        if (ratioSum == 0)
        {
            throw new DomainException("Allocation ratios cannot all be zero.");
        }

        // Split the magnitude and reapply the sign, so a negative amount (a refund) splits symmetrically.
        var sign = MinorUnits < 0 ? -1 : 1;
        var total = (Int128)MinorUnits * sign;
        var shares = new long[ratios.Count];
        var remainders = new Int128[ratios.Count];
        Int128 allocated = 0;
        for (var i = 0; i < ratios.Count; i++)
        {
            var scaled = total * ratios[i];
            shares[i] = (long)(scaled / ratioSum);
            remainders[i] = scaled % ratioSum;
            allocated += shares[i];
        }

        var leftover = (int)(total - allocated);
        var order = Enumerable.Range(0, ratios.Count)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take(leftover);
        foreach (var i in order)
        {
            shares[i]++;
        }

        return [.. shares.Select(share => new Money(share * sign, currency))];
    }

    /// <summary>Invariant culture with the currency's own decimals: "12.50 EUR", "1250 JPY", "1.250 KWD".</summary>
    public override string ToString()
    {
        // ToString must not throw, even for default(Money).
        if (Currency is null)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{MinorUnits} (no currency)");
        }

        var format = "F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture);
        return ToDecimal().ToString(format, CultureInfo.InvariantCulture) + " " + Currency.Code;
    }

    private Currency RequireCurrency() =>
        Currency ?? throw new DomainException("This Money has no currency (default(Money)); create amounts with Money.FromMinor, FromDecimal or Zero.");

    private Currency SameCurrency(Money other, string operation)
    {
        var currency = RequireCurrency();
        var otherCurrency = other.RequireCurrency();
        if (currency != otherCurrency)
        {
            throw new DomainException($"Cannot {operation} {otherCurrency.Code} and {currency.Code} amounts.");
        }

        return currency;
    }

    // Exact arithmetic in 128 bits, so an overflow is reported instead of wrapping to a wrong amount.
    private static long Fit(Int128 minorUnits) =>
        minorUnits >= long.MinValue && minorUnits <= long.MaxValue
            ? (long)minorUnits
            : throw new DomainException("The amount is too large to represent.");
}
