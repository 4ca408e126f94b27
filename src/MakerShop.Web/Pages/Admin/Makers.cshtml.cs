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
public sealed class MakersModel(MakerStore makers, SqliteConnectionFactory connections, AccountService accounts, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<Core.Maker> Makers { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        Makers = await makers.ListAsync(cancellationToken);
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
            Makers = await makers.ListAsync(cancellationToken);
            return Page();
        }
    }
}
