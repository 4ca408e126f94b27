using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Options;
using MakerShop.Web.Quotes;
using MakerShop.Web.Storefront.Checkout;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Cart;

/// <summary>The cart: add from a product or a quote, change quantities, remove. Each change redirects back here, so a
/// reload never repeats it; prices are always the server's.</summary>
public sealed class IndexModel(
    CartPricer pricer, VisitorCurrency currency, ProductStore products, QuoteService quotes, IOptions<OrderLimitsOptions> limits) : PageModel
{
    public int MaxQuantity => limits.Value.MaxQuantityPerLine;

    public PricedCart? Cart { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cart = await pricer.PriceAsync(CartCookie.Read(HttpContext), currency.Resolve(HttpContext), cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? itemId, string? variant, string? colour, int quantity, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(quantity, 1, MaxQuantity);
        CartItem? item = null;
        if (itemId is { Length: > 0 } && itemId.StartsWith(Production.ProductionRelease.QuotedLinePrefix, StringComparison.Ordinal))
        {
            var chosen = string.IsNullOrWhiteSpace(colour) ? "black" : colour.Trim().ToLowerInvariant();
            if (!QuoteColours.IsOffered(chosen))
            {
                ModelState.AddModelError(nameof(colour), $"'{chosen}' is not a colour this part can be printed in.");
                return BadRequest(new ValidationProblemDetails(ModelState));
            }

            if (await quotes.GetForOrderAsync(itemId[Production.ProductionRelease.QuotedLinePrefix.Length..], cancellationToken) is { } quote)
            {
                item = new CartItem(itemId, quote.Record.Material, chosen, count);
            }
        }
        else if (itemId is { Length: > 0 } && await products.GetAsync(itemId, cancellationToken) is { } product)
        {
            var parts = (variant ?? "").Split('|', 2);
            var option = parts.Length == 2 ? product.FindMaterial(parts[0], parts[1]) : (product.Materials.Count > 0 ? product.Materials[0] : null);
            if (option is not null)
            {
                item = new CartItem(product.Id, option.Material, option.Colour, count);
            }
        }

        if (item is null)
        {
            return NotFound();
        }

        CartCookie.Write(HttpContext, CartCookie.Add(CartCookie.Read(HttpContext), item, MaxQuantity));
        return LocalRedirect("/cart");
    }

    public IActionResult OnPostUpdate(int index, int quantity)
    {
        var items = CartCookie.Read(HttpContext).ToList();
        if (index >= 0 && index < items.Count)
        {
            if (quantity <= 0)
            {
                items.RemoveAt(index);
            }
            else
            {
                items[index] = items[index] with { Quantity = Math.Min(quantity, MaxQuantity) };
            }

            CartCookie.Write(HttpContext, items);
        }

        return LocalRedirect("/cart");
    }

    public IActionResult OnPostRemove(int index) => OnPostUpdate(index, 0);
}
