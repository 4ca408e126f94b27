using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Admin.Orders;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin.Orders;

public sealed class DetailsModel(
    OrderStore orders,
    PrintJobStore jobs,
    TimelineStore timeline,
    PaymentStore payments,
    RefundStore refunds,
    OrderCancellationService cancellation,
    RefundService refunding,
    AuditTrail audit) : PageModel
{
    public Order? Order { get; private set; }

    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public IReadOnlyList<Refund> Refunds { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanCancel => Order?.CanTransitionTo(OrderStatus.Cancelled) == true;

    public bool CanRefund => Order is { } o && o.Status != OrderStatus.Refunded && o.CanTransitionTo(OrderStatus.Refunded)
        && (Payments.Any(p => p.Status == PaymentStatus.Confirmed) || Refunds.Any(r => r.Status is RefundStatus.Failed or RefundStatus.Requested));

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCancelAsync(string id, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(id, "OrderCancel", confirm, "Tick the box to confirm the cancellation.", async () =>
        {
            var outcome = await cancellation.CancelAsync(id, cancellationToken);
            if (!outcome.Changed)
            {
                return "The order was already cancelled.";
            }

            await audit.RecordAsync(HttpContext, "OrderCancelled", id, $"{outcome.JobsCancelled} job(s) cancelled, {outcome.PrintersStopped} printer(s) stopped");
            return $"Order cancelled: {outcome.JobsCancelled} unprinted job(s) cancelled, {outcome.PrintersStopped} printer(s) told to stop.";
        }, cancellationToken);

    public Task<IActionResult> OnPostRefundAsync(string id, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(id, "OrderRefund", confirm, "Tick the box to confirm the refund.", async () =>
        {
            var summary = await refunding.RefundAsync(id, cancellationToken);
            if (summary.Cancellation is { Changed: true } cancelled)
            {
                await audit.RecordAsync(HttpContext, "OrderCancelled", id, $"for the refund: {cancelled.JobsCancelled} job(s) cancelled, {cancelled.PrintersStopped} printer(s) stopped");
            }

            var detail = string.Join(", ", summary.Refunds.Select(r => $"{r.Amount} via {r.Provider}: {r.Status}"));
            await audit.RecordAsync(HttpContext, "OrderRefunded", id, $"order {summary.OrderStatus}; {detail}");
            if (summary.Problems.Count > 0)
            {
                throw new DomainException(string.Join(" ", summary.Problems));
            }

            return summary.OrderStatus == OrderStatus.Refunded
                ? $"Order refunded ({detail})."
                : $"Refund recorded ({detail}); mark each bank transfer paid out once you have sent it.";
        }, cancellationToken);

    public Task<IActionResult> OnPostPaidOutAsync(string id, string refundId, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, "RefundPaidOut", confirm: true, "", async () =>
        {
            var summary = await refunding.MarkPaidOutAsync(id, refundId, note ?? "", cancellationToken);
            await audit.RecordAsync(HttpContext, "RefundPaidOut", refundId, $"order {id}: {note}");
            return summary.OrderStatus == OrderStatus.Refunded ? "Refund paid out; the order is refunded." : "Refund paid out.";
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(string id, string auditAction, bool confirm, string confirmMessage, Func<Task<string>> action, CancellationToken cancellationToken)
    {
        try
        {
            if (!confirm)
            {
                throw new DomainException(confirmMessage);
            }

            var message = await action();
            return LocalRedirect($"/admin/orders/{Uri.EscapeDataString(id)}?done={Uri.EscapeDataString(message)}");
        }
        catch (AdminNotFoundException)
        {
            return NotFound();
        }
        catch (DomainException ex)
        {
            // Whatever was done before the refusal is stored; the page shows it with the reason.
            await audit.RecordAsync(HttpContext, auditAction + "Refused", id, ex.Message);
            Error = ex.Message;
            return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
        }
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        Order = await orders.GetAsync(id, cancellationToken);
        if (Order is null)
        {
            return false;
        }

        Jobs = await jobs.ListByOrderAsync(id, cancellationToken);
        Timeline = await timeline.ListForOrderAsync(id, cancellationToken);
        Payments = await payments.ListForOrderAsync(id, cancellationToken);
        Refunds = await refunds.ListForOrderAsync(id, cancellationToken);
        return true;
    }
}
