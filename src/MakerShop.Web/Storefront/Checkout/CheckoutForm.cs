namespace MakerShop.Web.Storefront.Checkout;

/// <summary>
/// What the checkout form posts. There is deliberately no price in it except <see cref="ShownTotalMinor"/>, the total
/// the customer was shown, which is only compared: an order is placed for the server's total, and only when it is the
/// one the customer saw.
/// </summary>
public sealed class CheckoutForm
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Line1 { get; set; }

    public string? Line2 { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    public string? Region { get; set; }

    public string? Country { get; set; }

    public string? Shipping { get; set; }

    public string? PaymentMethod { get; set; }

    /// <summary>The form's one-time secret (protected by the server), which makes the submission idempotent.</summary>
    public string? Token { get; set; }

    public long? ShownTotalMinor { get; set; }

    public string? ShownCurrency { get; set; }
}
