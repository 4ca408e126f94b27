namespace MakerShop.Web.Storefront.Checkout;

/// <summary>The result of "place order": an order (new, or the one this same form already made), or the reasons it was
/// not placed, by form field.</summary>
public abstract record CheckoutOutcome
{
    public sealed record Placed(string OrderId, string LinkToken, Uri? RedirectTo, bool Replayed) : CheckoutOutcome
    {
        /// <summary>False when a replay came with another (non-empty) cart than the order's: that cart is kept.</summary>
        public bool SameCart { get; init; } = true;
    }

    public sealed record Refused(IReadOnlyList<CheckoutError> Errors, CheckoutSummary? Summary) : CheckoutOutcome;
}

/// <summary>A problem with the submission: the form field it belongs to ("" for the whole form), a resource key and its
/// arguments, so the page says it in the visitor's language.</summary>
public sealed record CheckoutError(string Field, string MessageKey, params object[] Arguments);
