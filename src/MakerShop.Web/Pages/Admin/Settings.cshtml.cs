using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Settings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

/// <summary>The settings the owner changes at runtime; the configuration file's values are the defaults shown beside them.</summary>
public sealed class SettingsModel(ShopSettingsService settings, AuditTrail audit) : PageModel
{
    public ShopSettings Current { get; private set; } = null!;

    public ShopSettings Defaults => settings.Defaults;

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        Current = await settings.CurrentAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(string? shopName, string? contactEmail, string? lowStockGrams, string? leadTimeDays, string? expressLeadTimeDays, CancellationToken cancellationToken)
    {
        var before = await settings.CurrentAsync(cancellationToken);
        // A field left empty or not a number is kept as an impossible value, so the form says which one is wrong.
        var wanted = new ShopSettings(shopName ?? "", contactEmail ?? "", Number(lowStockGrams) ?? double.NaN, (int?)Number(leadTimeDays) ?? 0, (int?)Number(expressLeadTimeDays) ?? 0);
        Problems = wanted.Problems();
        if (Problems.Count > 0)
        {
            Current = wanted;
            return Page();
        }

        var saved = await settings.SaveAsync(wanted, cancellationToken);
        await audit.RecordAsync(HttpContext, "SettingsChanged", "shop", SettingsDiff.Describe(before, saved));
        return LocalRedirect("/admin/settings?done=" + Uri.EscapeDataString("Settings saved."));
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
