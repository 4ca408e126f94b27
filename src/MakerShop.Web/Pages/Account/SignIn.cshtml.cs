using MakerShop.Core;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Account;

public sealed class SignInModel(AccountService accounts, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public string? Error { get; private set; }

    public string? Email { get; private set; }

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        (Email, ReturnUrl) = (email, returnUrl);
        var user = await accounts.VerifyAsync(email, password, cancellationToken);
        if (user is null)
        {
            await audit.RecordAsync(HttpContext, "SignInFailed", emailIfAnonymous: email?.Trim());
            // One message for a wrong address and a wrong password, so the page does not tell which accounts exist.
            Error = text["Sess.SignIn.Wrong"];
            return Page();
        }

        var principal = ShopClaims.For(user);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        HttpContext.User = principal;
        await audit.RecordAsync(HttpContext, "SignedIn");
        if (Url.IsLocalUrl(returnUrl))
        {
            return LocalRedirect(returnUrl);
        }

        return LocalRedirect(user.Account.Role == UserRole.Owner ? "/admin" : "/maker");
    }
}
