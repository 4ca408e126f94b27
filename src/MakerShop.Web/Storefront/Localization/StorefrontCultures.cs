using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace MakerShop.Web.Storefront.Localization;

/// <summary>The storefront's languages: chosen from the visitor's cookie, else the browser's Accept-Language, else English.</summary>
public static class StorefrontCultures
{
    public static readonly CultureInfo[] Supported = [new("en"), new("fr")];

    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Supported,
            SupportedUICultures = Supported,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new CookieRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
        return options;
    }

    public static CultureInfo? Find(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
