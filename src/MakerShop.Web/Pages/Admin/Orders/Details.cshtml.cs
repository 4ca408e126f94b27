using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Admin.Orders;
using MakerShop.Web.Storefront.Localization;
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
    AuditTrail audit,
    PrinterStore printers,
    ChannelOrderStore channelOrders,
    MakerShop.Web.Production.OrderNumbers numbers,
    StatusWords words,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    private Dictionary<string, string> _printerNames = new(StringComparer.Ordinal);

    public Order? Order { get; private set; }

    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<Payment> Payments { get; private set; } = [];

    public IReadOnlyList<Refund> Refunds { get; private set; } = [];

    /// <summary>The sales channel the order came from, with its number there and what the channel charged; null for the storefront's.</summary>
    public ChannelOrderLink? Channel { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public bool CanCancel => Order?.CanTransitionTo(OrderStatus.Cancelled) == true;

    public bool CanRefund => Order is { } o && o.Status != OrderStatus.Refunded && o.CanTransitionTo(OrderStatus.Refunded)
        && (Payments.Any(p => p.Status == PaymentStatus.Confirmed) || Refunds.Any(r => r.Status is RefundStatus.Failed or RefundStatus.Requested));

    /// <summary>The printer's name as the owner gave it; its id only when the printer is gone.</summary>
    public string PrinterName(string printerId) => _printerNames.GetValueOrDefault(printerId, printerId);

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        // Opened by its number ("MS-1042") as people quote it, or by its id as older links do.
        return await numbers.ResolveAsync(id, cancellationToken) is { } orderId && await LoadAsync(orderId, cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCancelAsync(string id, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(id, "OrderCancel", confirm, t["AdminOrder.Error.TickCancel"], async () =>
        {
            var outcome = await cancellation.CancelAsync(id, cancellationToken);
            if (!outcome.Changed)
            {
                return t["AdminOrder.Done.AlreadyCancelled"];
            }

            await audit.RecordAsync(HttpContext, "OrderCancelled", id, $"{outcome.JobsCancelled} job(s) cancelled, {outcome.PrintersStopped} printer(s) stopped");
            return t["AdminOrder.Done.Cancelled", outcome.JobsCancelled, outcome.PrintersStopped];
        }, cancellationToken);

    public Task<IActionResult> OnPostRefundAsync(string id, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(id, "OrderRefund", confirm, t["AdminOrder.Error.TickRefund"], async () =>
        {
            var summary = await refunding.RefundAsync(id, cancellationToken);
            if (summary.Cancellation is { Changed: true } cancelled)
            {
                await audit.RecordAsync(HttpContext, "OrderCancelled", id, $"for the refund: {cancelled.JobsCancelled} job(s) cancelled, {cancelled.PrintersStopped} printer(s) stopped");
            }

            var detail = string.Join(", ", summary.Refunds.Select(r => $"{r.Amount} via {r.Provider}: {r.Status}"));
            var said = string.Join(", ", summary.Refunds.Select(r => $"{r.Amount} · {words.PaymentMethod(r.Provider)}: {words.Refund(r.Status)}"));
            await audit.RecordAsync(HttpContext, "OrderRefunded", id, $"order {summary.OrderStatus}; {detail}");
            if (summary.Problems.Count > 0)
            {
                throw new DomainException(string.Join(" ", summary.Problems));
            }

            return summary.OrderStatus == OrderStatus.Refunded
                ? t["AdminOrder.Done.Refunded", said]
                : t["AdminOrder.Done.RefundRecorded", said];
        }, cancellationToken);

    public Task<IActionResult> OnPostPaidOutAsync(string id, string refundId, string? note, CancellationToken cancellationToken) =>
        ActAsync(id, "RefundPaidOut", confirm: true, "", async () =>
        {
            var summary = await refunding.MarkPaidOutAsync(id, refundId, note ?? "", cancellationToken);
            await audit.RecordAsync(HttpContext, "RefundPaidOut", refundId, $"order {id}: {note}");
            return summary.OrderStatus == OrderStatus.Refunded ? t["AdminOrder.Done.PaidOutRefunded"] : t["AdminOrder.Done.PaidOut"];
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
        Channel = await channelOrders.GetByOrderAsync(id, cancellationToken);
        Timeline = await timeline.ListForOrderAsync(id, cancellationToken);
        Payments = await payments.ListForOrderAsync(id, cancellationToken);
        Refunds = await refunds.ListForOrderAsync(id, cancellationToken);
        if (Jobs.Any(j => j.PrinterId is not null) || Timeline.Any(e => e.PrinterId is not null))
        {
            _printerNames = (await printers.ListWithTelemetryAsync(cancellationToken)).ToDictionary(v => v.Printer.Id, v => v.Printer.Name, StringComparer.Ordinal);
        }

        return true;
    }
}
