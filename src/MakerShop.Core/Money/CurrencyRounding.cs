namespace MakerShop.Core;

/// <summary>
/// How a converted price is rounded in each currency: to the currency's own minor unit (JPY has none, KWD three),
/// and to the smallest step prices are quoted in where that is coarser (CHF in 5 Rappen; CZK, HUF, ISK and SEK in
/// whole units), always half away from zero as customers expect.
/// </summary>
public static class CurrencyRounding
{
    private static readonly Dictionary<string, long> StepInMinorUnits = new(StringComparer.Ordinal)
    {
        ["CHF"] = 5,
        ["CZK"] = 100,
        ["HUF"] = 100,
        ["SEK"] = 100,
    };

    /// <summary>The step, in minor units, that prices in this currency are rounded to.</summary>
    public static long StepOf(Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return StepInMinorUnits.TryGetValue(currency.Code, out var step) ? step : 1;
    }

    public static Money Round(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var step = StepOf(currency);
        var minor = Money.FromDecimal(amount, currency, MidpointRounding.AwayFromZero).MinorUnits;
        if (step == 1)
        {
            return Money.FromMinor(minor, currency);
        }

        // Round the exact amount to the step, not the already-rounded one, so 0.025 CHF cannot round twice.
        var exactMinor = amount * (decimal)Math.Pow(10, currency.MinorUnits);
        var steps = Math.Round(exactMinor / step, 0, MidpointRounding.AwayFromZero);
        return Money.FromMinor(decimal.ToInt64(steps) * step, currency);
    }
}
