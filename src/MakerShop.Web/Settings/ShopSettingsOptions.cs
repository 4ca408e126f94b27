using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Settings;

/// <summary>Defaults of the owner-editable settings; bound from <c>MakerShop:Settings</c>. What the owner saves in the admin overrides them.</summary>
public sealed class ShopSettingsOptions
{
    public const string SectionName = "MakerShop:Settings";

    [Required]
    [StringLength(80, MinimumLength = 1)]
    public string ShopName { get; set; } = "MakerShop";

    [Required]
    [EmailAddress]
    public string ContactEmail { get; set; } = "hello@makershop.example";

    /// <summary>A spool with less filament than this is flagged on the dashboard and the spools page.</summary>
    [Range(0, 10_000)]
    public double LowStockGrams { get; set; } = 150;
}
