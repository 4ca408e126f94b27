using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// Reference rates quoted as units of a currency per one euro, as the ECB publishes them, with their publication date
/// and source. A conversion goes through the euro once and rounds once, to the target's minor unit, half away from zero.
/// </summary>
public sealed record EuroReferenceRates
{
    private readonly Dictionary<string, decimal> perEuro;

    public EuroReferenceRates(DateOnly publishedOn, string source, IReadOnlyDictionary<string, decimal> unitsPerEuro)
    {
        ArgumentNullException.ThrowIfNull(unitsPerEuro);
        perEuro = new Dictionary<string, decimal>(StringComparer.Ordinal) { ["EUR"] = 1m };
        foreach (var (code, rate) in unitsPerEuro)
        {
            var currency = Currency.FromCode(code);
            if (rate <= 0m)
            {
                throw new DomainValidationException($"rates.{code}", $"The rate for {code} must be positive, not {rate.ToString(CultureInfo.InvariantCulture)}.");
            }

            if (currency == Currency.Eur && rate != 1m)
            {
                throw new DomainValidationException("rates.EUR", "One euro is one euro.");
            }

            perEuro[currency.Code] = rate;
        }

        PublishedOn = publishedOn;
        Source = source;
    }

    public DateOnly PublishedOn { get; }

    public string Source { get; }

    public IReadOnlyDictionary<string, decimal> UnitsPerEuro => perEuro;

    public bool Covers(Currency currency) => currency is not null && perEuro.ContainsKey(currency.Code);

    /// <summary>Units of <paramref name="to"/> per unit of <paramref name="from"/>; the cross rate the conversion uses.</summary>
    public decimal RateBetween(Currency from, Currency to) => Rate(to) / Rate(from);

    public Money Convert(Money amount, Currency to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (amount.Currency == to)
        {
            return amount;
        }

        var major = amount.ToDecimal() / Rate(amount.Currency) * Rate(to);
        return Money.FromDecimal(major, to, MidpointRounding.AwayFromZero);
    }

    private decimal Rate(Currency currency) =>
        perEuro.TryGetValue(currency.Code, out var rate)
            ? rate
            : throw new DomainException($"No exchange rate for {currency.Code} is known (rates of {PublishedOn:yyyy-MM-dd}, {Source}).");
}
