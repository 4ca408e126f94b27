using System.Globalization;
using MakerShop.Core;

namespace MakerShop.Web.Settings;

/// <summary>What a save changed, in words for the audit log ("lowStockGrams 150 -> 200").</summary>
public static class SettingsDiff
{
    public static string Describe(ShopSettings before, ShopSettings after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        Add(changes, "shopName", before.ShopName, after.ShopName);
        Add(changes, "contactEmail", before.ContactEmail, after.ContactEmail);
        Add(changes, "lowStockGrams", before.LowStockGrams.ToString(CultureInfo.InvariantCulture), after.LowStockGrams.ToString(CultureInfo.InvariantCulture));
        Add(changes, "leadTimeDays", before.LeadTimeDays.ToString(CultureInfo.InvariantCulture), after.LeadTimeDays.ToString(CultureInfo.InvariantCulture));
        Add(changes, "expressLeadTimeDays", before.ExpressLeadTimeDays.ToString(CultureInfo.InvariantCulture), after.ExpressLeadTimeDays.ToString(CultureInfo.InvariantCulture));
        return changes.Count == 0 ? "no change" : string.Join("; ", changes);
    }

    private static void Add(List<string> changes, string key, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add($"{key} {before} -> {after}");
        }
    }
}
