namespace MakerShop.Web.Storefront.Checkout;

/// <summary>The colours a custom (quoted) part can be printed in: those the storefront has names for. The quote page
/// offers them, and the cart and checkout accept no other.</summary>
public static class QuoteColours
{
    public static readonly IReadOnlyList<string> Offered = ["black", "white", "grey", "red", "orange", "yellow", "green", "blue"];

    public static bool IsOffered(string? colour) => colour is not null && Offered.Contains(colour, StringComparer.Ordinal);
}
