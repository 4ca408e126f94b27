using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Account;

/// <summary>Signing out is a POST with an antiforgery token, so another site cannot sign anyone out.</summary>
public sealed class SignOutModel(AuditTrail audit, AccountService accounts) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await audit.RecordAsync(HttpContext, "SignedOut");
            if (User.FindFirst(ShopClaims.UserId)?.Value is { } userId)
            {
                await accounts.EndSessionsAsync(userId, cancellationToken);
            }
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
