using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>The owner adds makers, each with the account they sign in to the maker area with.</summary>
public sealed class MakersModel(
    MakerStore makers,
    SqliteConnectionFactory connections,
    AccountService accounts,
    AuditTrail audit,
    TimeProvider time,
    UserStore users,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Core.Maker> Makers { get; private set; } = [];

    /// <summary>The makers' sign-ins, each with its password reset.</summary>
    public IReadOnlyList<StoredUser> SignIns { get; private set; } = [];

    /// <summary>A temporary password just set, shown once on the answer to the reset and never stored in clear.</summary>
    public (string Email, string Password)? Reset { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    /// <summary>
    /// The owner resets a maker's password to a temporary one shown here once, to pass on by phone or chat. A one-time
    /// link by e-mail was not chosen: a shop without SMTP (the default) would have no way to deliver it. The maker's
    /// sessions end now, and at next sign-in they can do nothing before choosing their own password.
    /// </summary>
    public async Task<IActionResult> OnPostResetPasswordAsync(string? userId, CancellationToken cancellationToken)
    {
        var user = string.IsNullOrEmpty(userId) ? null : await users.GetAsync(userId, cancellationToken);
        if (user is not { Account.Role: UserRole.Maker })
        {
            Error = text["Makers.Reset.Unknown"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        var temporary = await accounts.ResetPasswordAsync(user.Account.Id, cancellationToken);
        await audit.RecordAsync(HttpContext, "MakerPasswordReset", user.Account.Id, user.Account.Email);
        Reset = (user.Account.Email, temporary);
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Makers = await makers.ListAsync(cancellationToken);
        SignIns = await users.ListAsync(UserRole.Maker, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? makerId, string? name, string? country, string? email, string? password, CancellationToken cancellationToken)
    {
        try
        {
            var maker = Core.Maker.Create(makerId ?? "", name ?? "", (country ?? "").Trim().ToUpperInvariant(), time.GetUtcNow());
            if ((await makers.ListAsync(cancellationToken)).Any(m => m.Id == maker.Id))
            {
                throw new DomainValidationException("makerId", $"There is already a maker '{maker.Id}'.");
            }

            PasswordPolicy.Check(password, email ?? "");
            await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
            {
                await MakerStore.UpsertAsync(session, maker, cancellationToken);
                await session.CommitAsync(cancellationToken);
            }

            var account = await accounts.CreateAsync(email ?? "", maker.Name, UserRole.Maker, maker.Id, password!, cancellationToken);
            await audit.RecordAsync(HttpContext, "MakerCreated", maker.Id, $"{maker.Name} ({maker.CountryCode}), sign-in {account.Email}");
            return LocalRedirect($"/admin/makers?done={Uri.EscapeDataString(text["Adm.Makers.Added", maker.Id, account.Email])}");
        }
        catch (DomainException ex)
        {
            Error = ProblemText.For(text, "Makers", ex);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }
}
