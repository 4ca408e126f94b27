using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Payments;
using MakerShop.Web.Storefront.Checkout;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Checkout;

/// <summary>The confirmation after checkout, reached with the order's private key: what was bought, the landed total, how
/// to pay and the link to follow the order. Without the key it does not exist, like the order page. A card payment still
/// pending (its redirect lost, or the customer came back from Stripe's cancel) can be started again from here.</summary>
public sealed class DoneModel(
    OrderLinkStore links,
    OrderStore orders,
    PaymentStore payments,
    CheckoutService checkout,
    StorefrontUrls urls,
    BankAccountDirectory bank,
    MakerShop.Web.Production.OrderNumbers numbers) : PageModel
{
    public Order? Order { get; private set; }

    public Payment? Payment { get; private set; }

    /// <summary>The account, amount, reference and QR code for a bank-transfer order still waiting for its money.</summary>
    public BankTransferDetails? Transfer { get; private set; }

    public string? OrderLink { get; private set; }

    public string? Key { get; private set; }

    public bool Cancelled { get; private set; }

    public bool CanPayByCard => Payment is { Status: PaymentStatus.Pending } p && p.Provider != BankTransferProvider.ProviderName;

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? key, [FromQuery] bool cancelled, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, key, cancellationToken))
        {
            return NotFound();
        }

        Cancelled = cancelled && CanPayByCard;
        return Page();
    }

    public async Task<IActionResult> OnPostPayAsync(string id, [FromQuery] string? key, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, key, cancellationToken))
        {
            return NotFound();
        }

        if (CanPayByCard && await checkout.ResumePaymentAsync(Order!, Payment!, urls.BaseUrl(Request), key!, cancellationToken) is { } redirect)
        {
            return Redirect(redirect.ToString());
        }

        return LocalRedirect(CheckoutService.ConfirmationUrl(urls.BaseUrl(Request), id, key!).PathAndQuery);
    }

    private async Task<bool> LoadAsync(string id, string? key, CancellationToken cancellationToken)
    {
        // The private key opens the order whether the link names it by id or by the number the customer was given.
        if (await numbers.ResolveAsync(id, cancellationToken) is not { } orderId)
        {
            return false;
        }

        id = orderId;
        if (!await links.OpensAsync(id, key, cancellationToken) || await orders.GetAsync(id, cancellationToken) is not { } order)
        {
            return false;
        }

        Response.Headers["Referrer-Policy"] = "no-referrer";
        Order = order;
        Key = key;
        var all = await payments.ListForOrderAsync(id, cancellationToken);
        Payment = all.Count > 0 ? all[^1] : null;
        if (Payment is { Provider: BankTransferProvider.ProviderName, Status: PaymentStatus.Pending } pending)
        {
            Transfer = await bank.DetailsForAsync(pending, cancellationToken);
        }

        OrderLink = CheckoutService.OrderPageUrl(urls.BaseUrl(Request), numbers.Format(order), key!).ToString();
        return true;
    }
}
