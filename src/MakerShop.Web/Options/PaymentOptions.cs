namespace MakerShop.Web.Options;

/// <summary>Bound from <c>MakerShop:Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "MakerShop:Payments";

    /// <summary>
    /// Until a payment provider is configured, an order placed through the API counts as paid at once
    /// so that it flows into production; turn this off where payments are confirmed separately.
    /// </summary>
    public bool ConfirmOnPlacement { get; set; } = true;
}
