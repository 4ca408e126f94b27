using System.Globalization;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Settings;

/// <summary>
/// The shop's settings as they are now: the configuration's defaults with the owner's saved values on top. Read from
/// the database on each use (a few rows), so every node and every request sees the same values as soon as they are saved.
/// </summary>
public sealed class ShopSettingsService(ShopSettingsStore store, IOptions<ShopSettingsOptions> defaults, IOptions<ShopOptions> shop, TimeProvider time)
{
    private const string ShopNameKey = "shopName";
    private const string ContactEmailKey = "contactEmail";
    private const string LowStockKey = "lowStockGrams";
    private const string LeadTimeKey = "leadTimeDays";
    private const string ExpressLeadTimeKey = "expressLeadTimeDays";

    public ShopSettings Defaults => new(
        defaults.Value.ShopName, defaults.Value.ContactEmail, defaults.Value.LowStockGrams, shop.Value.LeadTimeDays, shop.Value.ExpressLeadTimeDays);

    public async Task<ShopSettings> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var saved = await store.ReadAllAsync(cancellationToken);
        var d = Defaults;
        return new ShopSettings(
            saved.GetValueOrDefault(ShopNameKey) ?? d.ShopName,
            saved.GetValueOrDefault(ContactEmailKey) ?? d.ContactEmail,
            Number(saved, LowStockKey) ?? d.LowStockGrams,
            (int?)Number(saved, LeadTimeKey) ?? d.LeadTimeDays,
            (int?)Number(saved, ExpressLeadTimeKey) ?? d.ExpressLeadTimeDays);
    }

    /// <summary>Validates every field and saves them all, or throws naming the first bad field and saves nothing.</summary>
    public async Task<ShopSettings> SaveAsync(ShopSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var valid = settings.Validate();
        await store.SaveAsync(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ShopNameKey] = valid.ShopName,
                [ContactEmailKey] = valid.ContactEmail,
                [LowStockKey] = valid.LowStockGrams.ToString("R", CultureInfo.InvariantCulture),
                [LeadTimeKey] = valid.LeadTimeDays.ToString(CultureInfo.InvariantCulture),
                [ExpressLeadTimeKey] = valid.ExpressLeadTimeDays.ToString(CultureInfo.InvariantCulture),
            },
            time.GetUtcNow(),
            cancellationToken);
        return valid;
    }

    private static double? Number(IReadOnlyDictionary<string, string> saved, string key) =>
        saved.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
