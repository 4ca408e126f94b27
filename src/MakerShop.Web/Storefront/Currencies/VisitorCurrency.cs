using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>
/// The currency a visitor sees and pays in: their own choice (cookie), else the currency of the region in their
/// browser's language (fr-CH -> CHF, ja-JP -> JPY), else the shop's default.
/// </summary>
public sealed class VisitorCurrency(ExchangeRateProvider rates)
{
    public const string CookieName = "makershop.currency";

    public Currency Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (rates.FindOffered(context.Request.Cookies[CookieName]) is { } chosen)
        {
            return chosen;
        }

        foreach (var language in AcceptedLanguages(context))
        {
            if (RegionCurrency(language) is { } fromRegion)
            {
                return fromRegion;
            }
        }

        return rates.Default;
    }

    private Currency? RegionCurrency(string language)
    {
        var dash = language.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || dash == language.Length - 1)
        {
            return null;
        }

        try
        {
            var region = new RegionInfo(language[(dash + 1)..]);
            return rates.FindOffered(region.ISOCurrencySymbol);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static IEnumerable<string> AcceptedLanguages(HttpContext context) =>
        context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.ToString())
            .Where(l => l.Length > 0);
}
