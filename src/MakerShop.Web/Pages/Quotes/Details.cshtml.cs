using MakerShop.Web.Quotes;
using MakerShop.Web.Quotes.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Quotes;

public sealed class DetailsModel(QuoteService quotes) : PageModel
{
    public QuoteResponse? Quote { get; private set; }

    /// <summary>The colours a custom part can be printed in: those the storefront has names for.</summary>
    public IReadOnlyList<string> Colours => Storefront.Checkout.QuoteColours.Offered;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Quote = await quotes.GetAsync(id, cancellationToken);
        return Quote is null ? NotFound() : Page();
    }
}
