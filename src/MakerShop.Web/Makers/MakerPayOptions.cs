using MakerShop.Core;

namespace MakerShop.Web.Makers;

/// <summary>What the shop pays a maker for a completed job; bound from <c>MakerShop:MakerPay</c>.</summary>
public sealed class MakerPayOptions
{
    public const string SectionName = "MakerShop:MakerPay";

    public string Currency { get; set; } = "EUR";

    public decimal PerJob { get; set; } = 1.00m;

    public decimal PerPrintHour { get; set; } = 0.60m;

    public MakerPayRate ToRate()
    {
        var currency = Core.Currency.FromCode(Currency);
        return new MakerPayRate(Money.FromDecimal(PerJob, currency, MidpointRounding.AwayFromZero), Money.FromDecimal(PerPrintHour, currency, MidpointRounding.AwayFromZero));
    }
}
