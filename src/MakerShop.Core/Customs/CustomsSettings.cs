namespace MakerShop.Core;

/// <summary>
/// The shop's customs identity and the figures the rules need. <see cref="UnitsPerEur"/> follows the ECB convention
/// (units of the currency per 1 EUR) and is dated by <see cref="RatesDate"/>, as the IOSS test uses a fixed legal rate.
/// </summary>
public sealed record CustomsSettings(
    decimal Cn22MaxValueEur,
    IReadOnlyDictionary<string, decimal> UnitsPerEur,
    DateOnly RatesDate,
    string? IossNumber,
    string? UkVatNumber,
    IReadOnlyDictionary<string, string> EoriByTerritory)
{
    /// <summary>The amount in EUR, or null when no rate is configured for its currency.</summary>
    public decimal? ToEur(Money amount)
    {
        if (amount.Currency == Currency.Eur)
        {
            return amount.ToDecimal();
        }

        return UnitsPerEur.TryGetValue(amount.Currency.Code, out var rate) && rate > 0 ? amount.ToDecimal() / rate : null;
    }

    /// <summary>The amount in GBP through EUR (a cross rate), or null without both rates.</summary>
    public decimal? ToGbp(Money amount)
    {
        if (amount.Currency == Currency.Gbp)
        {
            return amount.ToDecimal();
        }

        return ToEur(amount) is { } eur && UnitsPerEur.TryGetValue("GBP", out var gbp) ? eur * gbp : null;
    }
}
