using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.RateLimiting;

/// <summary>
/// How often one client address may do what anyone can do without signing in; bound from <c>MakerShop:RateLimits</c>.
/// Signed-in people and the owner key are not limited here (sign-in attempts have their own limit).
/// </summary>
public sealed class RequestRateOptions
{
    public const string SectionName = "MakerShop:RateLimits";

    /// <summary>Orders one address may place per window, through the API or the checkout page.</summary>
    [Range(1, 1_000_000)]
    public int OrdersPerWindow { get; set; } = 10;

    [Range(1, 86_400)]
    public int OrderWindowSeconds { get; set; } = 600;

    /// <summary>Every other anonymous API call and page form post, per address and window.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 120;

    [Range(1, 86_400)]
    public int RequestWindowSeconds { get; set; } = 60;
}
