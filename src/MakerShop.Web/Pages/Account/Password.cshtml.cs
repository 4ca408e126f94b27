using MakerShop.Core;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Account;

/// <summary>
/// Anyone signed in changes their own password, proving the current one. The account's stamp moves, which ends its
/// other sessions; this browser is signed in again with the new stamp. After the owner reset it, this is the only
/// page the person can reach until they have chosen their own.
/// </summary>
public sealed class PasswordModel(AccountService accounts, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public bool MustChange { get; private set; }

    public bool Changed { get; private set; }

    public string? ReturnUrl { get; private set; }

    public string Home => User.IsInRole(nameof(UserRole.Owner)) ? "/admin" : "/maker";

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public void OnGet(string? returnUrl, bool changed)
    {
        (ReturnUrl, Changed, MustChange) = (Url.IsLocalUrl(returnUrl) ? returnUrl : null, changed, ShopClaims.MustChangePassword(User));
    }

    public async Task<IActionResult> OnPostAsync(string? currentPassword, string? newPassword, string? confirmPassword, string? returnUrl, CancellationToken cancellationToken)
    {
        (ReturnUrl, MustChange) = (Url.IsLocalUrl(returnUrl) ? returnUrl : null, ShopClaims.MustChangePassword(User));
        var userId = User.FindFirst(ShopClaims.UserId)?.Value ?? "";
        var email = User.FindFirst(ShopClaims.Email)?.Value ?? "";
        if (string.IsNullOrEmpty(currentPassword))
        {
            Errors["currentPassword"] = text["Password.Error.CurrentMissing"];
        }

        if (PasswordPolicy.Find(newPassword, email) is { } problem)
        {
            Errors["newPassword"] = PasswordProblemText.Describe(text, problem);
        }
        else if (newPassword == currentPassword)
        {
            Errors["newPassword"] = text["Password.Error.SameAsCurrent"];
        }

        if (newPassword != confirmPassword)
        {
            Errors["confirmPassword"] = text["Password.Error.Mismatch"];
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var changed = await accounts.ChangeOwnPasswordAsync(userId, currentPassword, newPassword!, cancellationToken);
        if (changed is null)
        {
            await audit.RecordAsync(HttpContext, "PasswordChangeFailed", userId);
            Errors["currentPassword"] = text["Password.Error.CurrentWrong"];
            return Page();
        }

        await audit.RecordAsync(HttpContext, "PasswordChanged", userId);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, ShopClaims.For(changed));
        return ReturnUrl is not null ? LocalRedirect(ReturnUrl) : LocalRedirect($"{AccountsSetup.PasswordPath}?changed=true");
    }
}
