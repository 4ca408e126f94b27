using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Quotes;

/// <summary>Reference exchange rates (ECB style: units per one unit of the base); bound from <c>MakerShop:ExchangeRates</c>.</summary>
public sealed class ExchangeRateOptions
{
    public const string SectionName = "MakerShop:ExchangeRates";

    [Required]
    public string Base { get; set; } = "EUR";

    /// <summary>The day the rates were published.</summary>
    public DateOnly AsOf { get; set; }

    public Dictionary<string, decimal> Rates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
