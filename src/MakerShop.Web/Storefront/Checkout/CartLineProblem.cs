namespace MakerShop.Web.Storefront.Checkout;

/// <summary>Why a cart line cannot be bought as it is; the cart shows it and checkout refuses until it is removed.</summary>
public enum CartLineProblem
{
    QuoteExpired,
    QuoteMissing,
    ProductMissing,
    VariantGone,
}
