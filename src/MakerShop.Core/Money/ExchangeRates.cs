using System.Globalization;

namespace MakerShop.Core;

/// <summary>
/// Reference rates on one day, quoted as units of each currency per one unit of the base (ECB style: EUR base,
/// "1 EUR = 1.0832 USD"). Conversion between two non-base currencies goes through the base.
/// </summary>
public sealed record ExchangeRates
{
    private readonly Dictionary<string, decimal> _perBase;

    public ExchangeRates(Currency baseCurrency, DateOnly asOf, IReadOnlyDictionary<string, decimal> unitsPerBase)
    {
        ArgumentNullException.ThrowIfNull(baseCurrency);
        ArgumentNullException.ThrowIfNull(unitsPerBase);
        Base = baseCurrency;
        AsOf = asOf;
        _perBase = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase) { [baseCurrency.Code] = 1m };
        foreach (var (code, rate) in unitsPerBase)
        {
            var currency = Currency.FromCode(code);
            if (rate <= 0)
            {
                throw new DomainValidationException($"rates.{code}", $"The rate for {code} must be positive (got {rate.ToString(CultureInfo.InvariantCulture)}).");
            }

            _perBase[currency.Code] = rate;
        }
    }

    public Currency Base { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyCollection<string> Currencies => _perBase.Keys;

    public bool Supports(Currency currency) => currency is not null && _perBase.ContainsKey(currency.Code);

    /// <summary>Units of <paramref name="to"/> for one unit of <paramref name="from"/>.</summary>
    public decimal Rate(Currency from, Currency to) => PerBase(to) / PerBase(from);

    /// <summary>Converts and rounds with the target currency's own rules (<see cref="CurrencyRounding"/>).</summary>
    public Money Convert(Money amount, Currency to)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (amount.Currency == to)
        {
            return amount;
        }

        return CurrencyRounding.Round(amount.ToDecimal() * Rate(amount.Currency, to), to);
    }

    private decimal PerBase(Currency currency) =>
        _perBase.TryGetValue(currency.Code, out var rate)
            ? rate
            : throw new DomainValidationException("currency", $"There is no exchange rate for {currency.Code}; prices can be shown in {string.Join(", ", _perBase.Keys.Order(StringComparer.Ordinal))}.");
}
