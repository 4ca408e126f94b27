using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Storefront.Currencies;

/// <summary>Which currencies the shop sells in and the reference rates it converts with; bound from
/// <c>MakerShop:Currencies</c>. The rates in config are the fallback; a configured feed refreshes them.</summary>
public sealed class CurrencyOptions
{
    public const string SectionName = "MakerShop:Currencies";

    [Required]
    [MinLength(1)]
    public List<string> Offered { get; set; } = [];

    [Required]
    public string Default { get; set; } = "EUR";

    /// <summary>The date the configured rates were published (yyyy-MM-dd).</summary>
    [Required]
    public string RatesDate { get; set; } = "";

    /// <summary>Units of each currency per one euro.</summary>
    public Dictionary<string, decimal> RatesPerEuro { get; set; } = [];

    /// <summary>An ECB-format daily reference feed; when empty the configured rates stay in use.</summary>
    public Uri? FeedUrl { get; set; }

    [Range(1, 48)]
    public int RefreshHours { get; set; } = 6;
}
