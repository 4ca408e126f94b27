using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin.Orders;

public sealed class DetailsModel(OrderStore orders, PrintJobStore jobs, TimelineStore timeline, PaymentStore payments) : PageModel
{
    public Order? Order { get; private set; }

    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(id, cancellationToken);
        if (Order is null)
        {
            return NotFound();
        }

        Jobs = await jobs.ListByOrderAsync(id, cancellationToken);
        Timeline = await timeline.ListForOrderAsync(id, cancellationToken);
        Payments = await payments.ListForOrderAsync(id, cancellationToken);
        return Page();
    }
}
