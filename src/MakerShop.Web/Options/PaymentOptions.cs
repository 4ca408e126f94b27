namespace MakerShop.Web.Options;

/// <summary>Bound from <c>MakerShop:Payments</c>.</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "MakerShop:Payments";

    /// <summary>
    /// For the demo and the tests only: an order placed through the API counts as paid at once, so that it flows into
    /// production without money. Anywhere else an order is Paid only when money is confirmed (a bank transfer received,
    /// a Stripe webhook, a channel that took payment, or the owner's explicit action), and the host refuses to start
    /// with this on (<see cref="PaymentOptionsValidator"/>).
    /// </summary>
    public bool ConfirmOnPlacement { get; set; }
}
