using MakerShop.Core;

namespace MakerShop.Web.Payments.Stripe;

/// <summary>
/// Stripe counts amounts in the currency's smallest unit, which matches ISO 4217 for the currencies we sell in; for
/// HUF and TWD it keeps two decimals but only accepts whole units, so a fractional amount there is refused up front.
/// </summary>
public static class StripeAmounts
{
    private static readonly HashSet<string> WholeUnitsOnly = new(StringComparer.Ordinal) { "HUF", "TWD" };

    public static long ToStripe(Money amount)
    {
        if (WholeUnitsOnly.Contains(amount.Currency.Code) && amount.MinorUnits % 100 != 0)
        {
            throw new DomainException($"Stripe charges {amount.Currency.Code} in whole units only; {amount} is not one.");
        }

        return amount.MinorUnits;
    }

    public static Money FromStripe(long amount, string currency) => Money.FromMinor(amount, Currency.FromCode(currency.ToUpperInvariant()));
}
