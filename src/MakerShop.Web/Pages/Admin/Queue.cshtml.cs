using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin;
using MakerShop.Web.Admin.Queue;
using MakerShop.Web.Production;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

/// <summary>
/// The owner's view of production: what waits (in the order the scheduler takes it), what runs where and why, and the
/// jobs that failed or were cancelled; the owner holds, pins, moves up or down, cancels and requeues.
/// </summary>
public sealed class QueueModel(
    PrintJobStore jobs,
    PrinterStore printers,
    SqliteConnectionFactory connections,
    IDispatchTrigger dispatch,
    AuditTrail audit,
    QueueActions queue,
    RequeueCandidateStore candidates,
    ISchedulingPolicy policy,
    SchedulingSnapshotStore snapshots,
    Microsoft.Extensions.Options.IOptions<MakerShop.Web.Options.SchedulingOptions> scheduling,
    OrderNumbers numbers,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text,
    TimeProvider time) : PageModel
{
    /// <summary>"MS-1042" for every order on the page, by order id.</summary>
    public IReadOnlyDictionary<string, string> OrderNumbers { get; private set; } = new Dictionary<string, string>();

    /// <summary>Printer names by id, for the printer column and the pin list.</summary>
    public IReadOnlyDictionary<string, string> PrinterNames { get; private set; } = new Dictionary<string, string>();

    public string NumberOf(string orderId) => OrderNumbers.GetValueOrDefault(orderId, orderId);

    public string PrinterName(string? printerId) => printerId is null ? "–" : PrinterNames.GetValueOrDefault(printerId, printerId);

    /// <summary>Why each waiting job waits and until when; a job missing here waits for any printer to be free.</summary>
    public IReadOnlyDictionary<string, JobWait> Waits { get; private set; } = new Dictionary<string, JobWait>();

    public DateTimeOffset Now { get; private set; }

    private static readonly PrintJobStatus[] Open =
        [PrintJobStatus.Queued, PrintJobStatus.Assigned, PrintJobStatus.Transferring, PrintJobStatus.Printing, PrintJobStatus.Paused];

    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public IReadOnlyList<string> PrinterIds { get; private set; } = [];

    /// <summary>Failed or cancelled latest attempts of units their open order still needs: what the owner may requeue.</summary>
    public IReadOnlyList<PrintJob> Ended { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAsync(string jobId, bool held, CancellationToken cancellationToken) =>
        ChangeAsync(jobId, job => job.SetHeld(held, time.GetUtcNow()), held ? "JobHeld" : "JobReleased", held ? "held" : "released", cancellationToken);

    public Task<IActionResult> OnPostPinAsync(string jobId, string? printerId, CancellationToken cancellationToken) =>
        ChangeAsync(jobId, job => job.Pin(string.IsNullOrEmpty(printerId) ? null : printerId, time.GetUtcNow()), "JobPinned",
            string.IsNullOrEmpty(printerId) ? "unpinned" : $"pinned to {printerId}", cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string jobId, QueueMove move, CancellationToken cancellationToken) =>
        ActAsync(jobId, "JobReprioritised." + move, () => queue.MoveAsync(jobId, move, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCancelAsync(string jobId, bool confirm, CancellationToken cancellationToken) =>
        ActAsync(jobId, "JobCancelled", () => confirm ? queue.CancelWaitingAsync(jobId, cancellationToken) : throw new DomainException("Tick the box to confirm the cancellation."), cancellationToken);

    public Task<IActionResult> OnPostRequeueAsync(string jobId, CancellationToken cancellationToken) =>
        ActAsync(jobId, "JobRequeued", () => queue.RequeueAsync(jobId, cancellationToken), cancellationToken);

    private async Task<IActionResult> ActAsync(string jobId, string action, Func<Task<string>> change, CancellationToken cancellationToken)
    {
        try
        {
            var job = await jobs.GetAsync(jobId, cancellationToken);
            var message = await change();
            await audit.RecordAsync(HttpContext, action.Split('.')[0], jobId, message);
            return LocalRedirect("/admin/queue?done=" + Uri.EscapeDataString(await NoticeAsync(action, job, null, cancellationToken)));
        }
        catch (Exception ex) when (ex is DomainException or AdminNotFoundException)
        {
            await audit.RecordAsync(HttpContext, action.Split('.')[0] + "Refused", jobId, ex.Message);
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>What the owner did, in words and the page's language: the part and its order's number, never a job id.</summary>
    private async Task<string> NoticeAsync(string action, PrintJob? job, string? printerId, CancellationToken cancellationToken)
    {
        if (job is null)
        {
            return text["Queue.Done.Generic"];
        }

        var order = (await numbers.FormatManyAsync([job.OrderId], cancellationToken))[job.OrderId];
        var printer = printerId is null ? null
            : (await printers.ListWithTelemetryAsync(cancellationToken)).FirstOrDefault(v => v.Printer.Id == printerId)?.Printer.Name ?? printerId;
        return text["Queue.Done." + action, job.UnitIndex + 1, order, job.Attempt + 1, printer ?? ""];
    }

    private async Task<IActionResult> ChangeAsync(string jobId, Func<PrintJob, bool> change, string action, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
            {
                var job = await PrintJobStore.GetAsync(session, jobId, cancellationToken) ?? throw new DomainException($"There is no job {jobId}.");
                if (change(job))
                {
                    await PrintJobStore.UpdateAsync(session, job, cancellationToken);
                    await TimelineStore.AddJobEventAsync(session, job.Id, null, action, "by the owner", time.GetUtcNow(), cancellationToken);
                }

                await session.CommitAsync(cancellationToken);
            }

            await audit.RecordAsync(HttpContext, action, jobId, what);
            await dispatch.RequestDispatchAsync(CancellationToken.None);
            var changed = await jobs.GetAsync(jobId, cancellationToken);
            var printerId = action == "JobPinned" ? changed?.PinnedPrinterId : null;
            var notice = action == "JobPinned" && printerId is null ? "JobUnpinned" : action;
            return LocalRedirect("/admin/queue?done=" + Uri.EscapeDataString(await NoticeAsync(notice, changed, printerId, cancellationToken)));
        }
        catch (DomainException ex)
        {
            await audit.RecordAsync(HttpContext, action + "Refused", jobId, ex.Message);
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = new List<PrintJob>();
        foreach (var status in Open)
        {
            all.AddRange(await jobs.ListAsync(status, 500, cancellationToken));
        }

        var now = time.GetUtcNow();
        Now = now;
        var waiting = policy.QueueOrder([.. all.Where(j => j.Status == PrintJobStatus.Queued)], now);
        var options = scheduling.Value;
        var snapshot = await snapshots.ReadAsync(now, options.ToShippingEstimates(), options.ToSettings(), new QueueWindow(500, DeadlineOrder: true), cancellationToken);
        Waits = ShipOnTimeSchedulingPolicy.ExplainWaits(snapshot);
        var running = all.Where(j => j.Status != PrintJobStatus.Queued).OrderByDescending(j => j.Express).ThenBy(j => j.ShipBy).ThenBy(j => j.Id, StringComparer.Ordinal);
        Jobs = [.. running, .. waiting];
        var ended = new List<PrintJob>();
        foreach (var id in await candidates.ListJobIdsAsync(100, cancellationToken))
        {
            if (await jobs.GetAsync(id, cancellationToken) is { } job)
            {
                ended.Add(job);
            }
        }

        Ended = ended;
        var fleet = await printers.ListWithTelemetryAsync(cancellationToken);
        PrinterIds = [.. fleet.Select(v => v.Printer.Id).Order(StringComparer.Ordinal)];
        PrinterNames = fleet.ToDictionary(v => v.Printer.Id, v => v.Printer.Name, StringComparer.Ordinal);
        OrderNumbers = await numbers.FormatManyAsync(Jobs.Concat(Ended).Select(j => j.OrderId), cancellationToken);
    }
}
