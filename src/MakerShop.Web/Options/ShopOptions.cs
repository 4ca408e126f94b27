using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Options;

/// <summary>Shop-wide production settings; bound from <c>MakerShop:Shop</c>.</summary>
public sealed class ShopOptions
{
    public const string SectionName = "MakerShop:Shop";

    /// <summary>The address bridges use to download G-code; when empty, the host's own listening address is used.</summary>
    public Uri? PublicBaseUrl { get; set; }

    [Range(1, 90)]
    public int LeadTimeDays { get; set; } = 5;

    [Range(1, 30)]
    public int ExpressLeadTimeDays { get; set; } = 2;

    [Range(1, 10)]
    public int MaxPrintAttempts { get; set; } = 3;
}
