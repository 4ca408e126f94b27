using System.ComponentModel.DataAnnotations;

namespace MakerShop.Web.Accounts;

/// <summary>How many wrong owner keys one address may send per window; bound from <c>MakerShop:Owner</c>.</summary>
public sealed class OwnerKeyThrottleOptions
{
    public const string SectionName = "MakerShop:Owner";

    /// <summary>Wrong keys allowed per window; after that the address gets 429 with Retry-After, its key unchecked.</summary>
    [Range(1, 10_000)]
    public int FailuresPerWindow { get; set; } = 10;

    [Range(1, 86_400)]
    public int FailureWindowSeconds { get; set; } = 300;
}
