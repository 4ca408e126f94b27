using System.ComponentModel.DataAnnotations;
using MakerShop.Core;

namespace MakerShop.Web.Options;

/// <summary>How big one order may be, from the API, the storefront or a channel; bound from <c>MakerShop:Orders</c>.</summary>
public sealed class OrderLimitsOptions
{
    public const string SectionName = "MakerShop:Orders";

    [Range(1, 1000)]
    public int MaxLines { get; set; } = OrderLimits.Default.MaxLines;

    [Range(1, 10000)]
    public int MaxQuantityPerLine { get; set; } = OrderLimits.Default.MaxQuantityPerLine;

    [Range(1, 100000)]
    public int MaxUnits { get; set; } = OrderLimits.Default.MaxUnits;

    public OrderLimits ToLimits() => new OrderLimits(MaxLines, MaxQuantityPerLine, MaxUnits).Validated();
}
