using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>Shows an amount the way a visitor of the page's language reads prices: "€18.90" or "CHF 18.90" in English,
/// "18,90 €" in French, always with the currency's own number of decimals.</summary>
public static class PriceFormatter
{
    public static string Format(Money amount, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var number = amount.ToDecimal().ToString("N" + amount.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), culture);
        var symbol = Symbol(amount.Currency);
        if (culture.TwoLetterISOLanguageName != "en")
        {
            return number + "\u00a0" + symbol;
        }

        // A bare ISO code reads better apart from the number ("CHF 18.90"); a symbol sticks to it ("US$18.90").
        return symbol == amount.Currency.Code ? symbol + "\u00a0" + number : symbol + number;
    }

    private static string Symbol(Currency currency) => currency.Code switch
    {
        "EUR" => "€",
        "GBP" => "£",
        "JPY" => "¥",
        "USD" => "US$",
        "AUD" => "A$",
        _ => currency.Code,
    };
}
