using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages;

/// <summary>
/// The first-run page, opened by the link the shop prints to its log while it has no owner. Without the right token
/// it answers like any missing page; once an owner exists it only says so.
/// </summary>
public sealed class SetupModel(OwnerSetupService setup, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public OwnerSetupState State { get; private set; }

    public string? Token { get; private set; }

    public string? Name { get; private set; }

    public string? Email { get; private set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken)
    {
        State = await setup.CheckAsync(token, cancellationToken);
        return Show(token);
    }

    public async Task<IActionResult> OnPostAsync(string? token, string? name, string? email, string? password, string? confirmPassword, CancellationToken cancellationToken)
    {
        (Name, Email) = (name, email);
        State = await setup.CheckAsync(token, cancellationToken);
        if (State != OwnerSetupState.Open)
        {
            return Show(token);
        }

        Validate(name, email, password, confirmPassword);
        if (Errors.Count > 0)
        {
            return Show(token);
        }

        (OwnerSetupState state, StoredUser? owner) created;
        try
        {
            created = await setup.CreateOwnerAsync(token, email!, name!, password!, cancellationToken);
        }
        catch (DomainValidationException)
        {
            // Name, address and password were checked above: what is left is an address another account already has.
            Errors["email"] = text["Setup.Error.EmailTaken"];
            return Show(token);
        }

        if (created.owner is not { } owner)
        {
            State = created.state;
            return Show(token);
        }

        var principal = ShopClaims.For(owner);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        HttpContext.User = principal;
        await audit.RecordAsync(HttpContext, "OwnerCreatedAtSetup", owner.Account.Id);
        return LocalRedirect("/admin");
    }

    private void Validate(string? name, string? email, string? password, string? confirmPassword)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            Errors["name"] = text["Setup.Error.Name"];
        }
        else if (name.Trim().Length > 100)
        {
            Errors["name"] = text["Checkout.Error.TooLong", 100];
        }

        string? normalised = null;
        try
        {
            normalised = UserAccount.NormaliseEmail(email);
        }
        catch (DomainValidationException)
        {
            Errors["email"] = text["Setup.Error.Email"];
        }

        if (PasswordPolicy.Find(password, normalised ?? email) is { } problem)
        {
            Errors["password"] = PasswordProblemText.Describe(text, problem);
        }

        if (password != confirmPassword)
        {
            Errors["confirmPassword"] = text["Password.Error.Mismatch"];
        }
    }

    private PageResult Show(string? token)
    {
        // The token is in the address: keep it out of caches and of any other site's Referer.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Token = State == OwnerSetupState.Open ? token : null;
        if (State == OwnerSetupState.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
