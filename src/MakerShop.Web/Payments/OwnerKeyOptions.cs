namespace MakerShop.Web.Payments;

/// <summary>
/// A secret the owner's tools send as <c>X-Owner-Key</c> for owner-only API calls (confirming a bank transfer). There
/// is no default: without a key those calls are refused. Bound from <c>MakerShop:Owner</c>.
/// </summary>
public sealed class OwnerKeyOptions
{
    public const string SectionName = "MakerShop:Owner";
    public const string HeaderName = "X-Owner-Key";

    public string? ApiKey { get; set; }
}
