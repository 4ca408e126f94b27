using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Storage.Stores;
using MakerShop.Web.Admin;
using MakerShop.Web.Localization;
using MakerShop.Web.Payments;
using MakerShop.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>The settings the owner changes at runtime; the configuration file's values are the defaults shown beside them.</summary>
public sealed class SettingsModel(
    ShopSettingsService settings,
    AuditTrail audit,
    BankAccountDirectory bankAccounts,
    BankAccountStore accountStore,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public ShopSettings Current { get; private set; } = null!;

    public ShopSettings Defaults => settings.Defaults;

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string? Message { get; private set; }

    public IReadOnlyList<BankAccount> Accounts { get; private set; } = [];

    /// <summary>The account form that failed (its currency, or "new"), with what was typed and what is wrong per field.</summary>
    public string? AccountFormFor { get; private set; }

    public IReadOnlyDictionary<string, string> AccountTyped { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> AccountProblems { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        Current = await settings.CurrentAsync(cancellationToken);
        Accounts = await bankAccounts.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAccountAsync(string? form, string? currency, string? holder, string? iban, string? bic, string? bankName, CancellationToken cancellationToken)
    {
        var account = BankAccount.Create(currency, holder, iban, bic, bankName, out var problems);
        if (account is null)
        {
            AccountFormFor = form ?? "new";
            AccountTyped = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["currency"] = currency ?? "", ["holder"] = holder ?? "", ["iban"] = iban ?? "", ["bic"] = bic ?? "", ["bankName"] = bankName ?? "",
            };
            AccountProblems = ProblemText.For(text, "BankAccount", problems);
            Current = await settings.CurrentAsync(cancellationToken);
            Accounts = await bankAccounts.ListAsync(cancellationToken);
            return Page();
        }

        var before = await accountStore.FindAsync(account.Currency, cancellationToken);
        await accountStore.SaveAsync(account, time.GetUtcNow(), cancellationToken);
        await audit.RecordAsync(HttpContext, "BankAccountSaved", account.Currency.Code,
            $"{(before is null ? "added" : "changed")}: {account.Holder}, {account.Iban.Grouped}, BIC {account.Bic ?? "none"}, bank {account.BankName ?? "none"}");
        return LocalRedirect("/admin/settings?done=" + Uri.EscapeDataString(text["Accounts.Saved", account.Currency.Code]) + "#bank-accounts");
    }

    public async Task<IActionResult> OnPostRemoveAccountAsync(string? currency, bool confirm, CancellationToken cancellationToken)
    {
        if (!Core.Currency.TryFromCode(currency, out var code) || !confirm)
        {
            return LocalRedirect("/admin/settings?done=" + Uri.EscapeDataString(text["Accounts.TickToRemove"]) + "#bank-accounts");
        }

        if (await accountStore.FindAsync(code, cancellationToken) is { } removed && await accountStore.RemoveAsync(code, cancellationToken))
        {
            await audit.RecordAsync(HttpContext, "BankAccountRemoved", code.Code, $"{removed.Holder}, {removed.Iban.Grouped}");
        }

        return LocalRedirect("/admin/settings?done=" + Uri.EscapeDataString(text["Accounts.Removed", code.Code]) + "#bank-accounts");
    }

    public async Task<IActionResult> OnPostAsync(string? shopName, string? contactEmail, string? lowStockGrams, string? leadTimeDays, string? expressLeadTimeDays, CancellationToken cancellationToken)
    {
        var before = await settings.CurrentAsync(cancellationToken);
        // A field left empty or not a number is kept as an impossible value, so the form says which one is wrong.
        var wanted = new ShopSettings(shopName ?? "", contactEmail ?? "", Number(lowStockGrams) ?? double.NaN, (int?)Number(leadTimeDays) ?? 0, (int?)Number(expressLeadTimeDays) ?? 0);
        Problems = ProblemText.For(text, "Settings", wanted.Problems());
        if (Problems.Count > 0)
        {
            Current = wanted;
            Accounts = await bankAccounts.ListAsync(cancellationToken);
            return Page();
        }

        var saved = await settings.SaveAsync(wanted, cancellationToken);
        await audit.RecordAsync(HttpContext, "SettingsChanged", "shop", SettingsDiff.Describe(before, saved));
        return LocalRedirect("/admin/settings?done=" + Uri.EscapeDataString(text["Adm.Settings.Saved"]));
    }

    private static double? Number(string? text)
    {
        try
        {
            return FormNumber.Optional(text, "number");
        }
        catch (DomainValidationException)
        {
            return null;
        }
    }
}
