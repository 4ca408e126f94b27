using MakerShop.Web.Storefront.Currencies;
using MakerShop.Web.Storefront.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages;

/// <summary>Remembers the visitor's language and currency for a year; anything not offered is ignored, not stored.</summary>
public sealed class PreferencesModel(ExchangeRateProvider rates) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? culture, string? currency, string? returnUrl)
    {
        var cookie = new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        };
        if (StorefrontCultures.Find(culture) is { } chosen)
        {
            Response.Cookies.Append(StorefrontCultures.CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)), cookie);
        }

        if (rates.FindOffered(currency) is { } offered)
        {
            Response.Cookies.Append(VisitorCurrency.CookieName, offered.Code, cookie);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
