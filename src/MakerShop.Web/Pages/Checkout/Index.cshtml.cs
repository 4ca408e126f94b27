using System.Globalization;
using MakerShop.Web.Payments;
using MakerShop.Web.Storefront.Checkout;
using MakerShop.Web.Storefront.Currencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Checkout;

/// <summary>
/// One checkout form that works without JavaScript: "update totals" recomputes shipping and tax for the address typed,
/// "place order" places it for the total shown. Every error is said next to its field, in the visitor's language.
/// </summary>
public sealed class IndexModel(
    CartPricer pricer,
    CheckoutPricing pricing,
    CheckoutService checkout,
    CheckoutToken tokens,
    VisitorCurrency currency,
    StorefrontUrls urls,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private readonly Dictionary<string, string> fieldErrors = new(StringComparer.Ordinal);

    [BindProperty]
    public CheckoutForm Form { get; set; } = new();

    public CheckoutSummary? Summary { get; private set; }

    public List<string> FormErrors { get; } = [];

    public IReadOnlyList<string> PaymentMethods => checkout.PaymentMethods;

    public string? ErrorFor(string field) => fieldErrors.GetValueOrDefault(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Form = new CheckoutForm
        {
            Country = CheckoutCountries.Guess(HttpContext),
            PaymentMethod = BankTransferProvider.ProviderName,
            Token = tokens.Issue(),
        };
        return await ShowAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(CancellationToken cancellationToken)
    {
        if (tokens.Open(Form.Token) is null)
        {
            Form.Token = tokens.Issue();
        }

        return await ShowAsync(cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(CancellationToken cancellationToken)
    {
        var baseUrl = urls.BaseUrl(Request);
        var outcome = await checkout.PlaceAsync(Form, CartCookie.Read(HttpContext), currency.Resolve(HttpContext), baseUrl, cancellationToken);
        if (outcome is CheckoutOutcome.Placed placed)
        {
            if (placed.SameCart)
            {
                CartCookie.Write(HttpContext, []);
            }

            return placed.RedirectTo is { } external
                ? Redirect(external.ToString())
                : LocalRedirect(CheckoutService.ConfirmationUrl(baseUrl, placed.OrderId, placed.LinkToken).PathAndQuery);
        }

        var refused = (CheckoutOutcome.Refused)outcome;
        // An expired or stale form gets a fresh token: placing it again (after review) is a new order.
        if (tokens.Open(Form.Token) is null || refused.Errors.Any(e => e.MessageKey == "Checkout.Error.FormExpired"))
        {
            Form.Token = tokens.Issue();
        }

        var shown = await ShowAsync(cancellationToken, refused.Summary);
        foreach (var error in refused.Errors)
        {
            var arguments = error.MessageKey switch
            {
                "Checkout.Error.TotalChanged" when Summary?.Landed is { } landed => [PriceFormatter.Format(landed.Total, CultureInfo.CurrentCulture)],
                // The country arrives as its code; the message names it in the visitor's language.
                "Checkout.Error.PostalCode" => [error.Arguments[0], CheckoutCountries.DisplayName(text, (string)error.Arguments[1]), error.Arguments[2]],
                _ => error.Arguments,
            };
            var message = text[error.MessageKey, arguments].Value;
            if (error.Field.Length == 0)
            {
                FormErrors.Add(message);
            }
            else
            {
                fieldErrors.TryAdd(error.Field, message);
            }
        }

        if (fieldErrors.Count > 0)
        {
            FormErrors.Insert(0, text["Checkout.Fix"]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return shown ?? Page();
    }

    // The summary is always the server's, for the country and shipping option in the form; the form's shown total is
    // replaced by it, so the next "place order" agrees to what is now on the page.
    private async Task<IActionResult?> ShowAsync(CancellationToken cancellationToken, CheckoutSummary? computed = null)
    {
        var items = CartCookie.Read(HttpContext);
        if (items.Count == 0)
        {
            return LocalRedirect("/cart");
        }

        var country = CheckoutCountries.IsOffered(Form.Country?.ToUpperInvariant()) ? Form.Country!.ToUpperInvariant() : null;
        Summary = computed ?? pricing.Summarise(await pricer.PriceAsync(items, currency.Resolve(HttpContext), cancellationToken), country, Form.PostalCode, Form.Shipping);
        Form.Shipping = Summary.Chosen?.Id;
        Form.ShownTotalMinor = Summary.Landed?.Total.MinorUnits;
        Form.ShownCurrency = Summary.Cart.Currency.Code;
        ModelState.Clear();
        return null;
    }
}
