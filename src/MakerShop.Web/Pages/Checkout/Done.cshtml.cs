using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Payments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Pages.Checkout;

/// <summary>The confirmation after checkout, reached with the order's private key: what was bought, the landed total, how
/// to pay and the link to follow the order. Without the key it does not exist, like the order page.</summary>
public sealed class DoneModel(OrderLinkStore links, OrderStore orders, PaymentStore payments, IOptions<BankTransferOptions> bank) : PageModel
{
    public Order? Order { get; private set; }

    public Payment? Payment { get; private set; }

    public BankTransferOptions Bank => bank.Value;

    public string? OrderLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, [FromQuery] string? key, CancellationToken cancellationToken)
    {
        if (!await links.OpensAsync(id, key, cancellationToken) || await orders.GetAsync(id, cancellationToken) is not { } order)
        {
            return NotFound();
        }

        Response.Headers["Referrer-Policy"] = "no-referrer";
        Order = order;
        var all = await payments.ListForOrderAsync(id, cancellationToken);
        Payment = all.Count > 0 ? all[^1] : null;
        OrderLink = $"{Request.Scheme}://{Request.Host}/orders/{Uri.EscapeDataString(id)}?key={Uri.EscapeDataString(key!)}";
        return Page();
    }
}
