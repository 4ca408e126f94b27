using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Storefront.Checkout;

/// <summary>The destinations the checkout offers: the countries whose tax and customs rules the shop has worked out.</summary>
public static class CheckoutCountries
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "MC", "NL",
        "PL", "PT", "RO", "SK", "SI", "ES", "SE", "GB", "CH", "LI", "NO", "US", "CA", "AU", "JP",
    ];

    public static bool IsOffered(string? code) => code is not null && Codes.Contains(code, StringComparer.Ordinal);

    /// <summary>The country's name in the page's language (from the resources; the code itself when it has none).</summary>
    public static string DisplayName(IStringLocalizer localizer, string code)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var name = localizer["Country." + code];
        return name.ResourceNotFound ? code : name.Value;
    }

    /// <summary>A first guess at the destination from the browser's language region (de-DE -> DE), when it is offered.</summary>
    public static string? Guess(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var language in context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var value = language.Value.ToString();
            var dash = value.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && value[(dash + 1)..].ToUpperInvariant() is var region && IsOffered(region))
            {
                return region;
            }
        }

        return null;
    }
}
