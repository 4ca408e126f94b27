using MakerShop.Storage.Stores;
using MakerShop.Web.Payments;
using MakerShop.Web.Storefront.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Orders;

/// <summary>The customer's order page, reached by the private link from the confirmation and the e-mail.</summary>
public sealed class TrackModel(
    OrderLinkStore links,
    OrderProgressReader reader,
    OrderStore orders,
    PaymentStore payments,
    BankAccountDirectory bank,
    IStringLocalizer<SharedResource> localizer,
    MakerShop.Web.Shipping.CarrierWords carriers,
    MakerShop.Web.Production.OrderNumbers numbers) : PageModel
{
    public string? Id { get; private set; }

    public string? Key { get; private set; }

    public OrderProgressView? View { get; private set; }

    public OrderProgressText? Text { get; private set; }

    /// <summary>The order as charged (its breakdown is shown under the parts).</summary>
    public Core.Order? Order { get; private set; }

    /// <summary>How to pay, while the order waits for its bank transfer.</summary>
    public BankTransferDetails? Transfer { get; private set; }

    /// <summary>"MS-1042": the number the customer knows their order by.</summary>
    public string? Number { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? key, CancellationToken cancellationToken)
    {
        // The private key opens the order whether the link names it by id or by its number.
        if (await numbers.ResolveAsync(id, cancellationToken) is not { } orderId)
        {
            return NotFound();
        }

        id = orderId;
        if (!await links.OpensAsync(id, key, cancellationToken) || await reader.ReadAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        // The key is in the URL; keep it out of other sites' logs through the Referer header.
        Response.Headers["Referrer-Policy"] = "no-referrer";
        (Id, Key, View, Text) = (id, key, view, OrderProgressText.From(view, localizer, carriers));
        Order = await orders.GetAsync(id, cancellationToken);
        Number = Order is null ? id : numbers.Format(Order);
        if (Order is { Status: Core.OrderStatus.Placed } && (await payments.ListForOrderAsync(id, cancellationToken)) is { Count: > 0 } all
            && all[^1] is { Provider: BankTransferProvider.ProviderName, Status: Core.PaymentStatus.Pending } pending)
        {
            Transfer = await bank.DetailsForAsync(pending, cancellationToken);
        }

        return Page();
    }
}
