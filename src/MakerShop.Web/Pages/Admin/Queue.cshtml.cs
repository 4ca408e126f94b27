using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Production;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MakerShop.Web.Pages.Admin;

/// <summary>The owner's view of production: what waits, what runs where and why, and the owner's hold and pin.</summary>
public sealed class QueueModel(
    PrintJobStore jobs,
    PrinterStore printers,
    SqliteConnectionFactory connections,
    IDispatchTrigger dispatch,
    AuditTrail audit,
    TimeProvider time) : PageModel
{
    private static readonly PrintJobStatus[] Open =
        [PrintJobStatus.Queued, PrintJobStatus.Assigned, PrintJobStatus.Transferring, PrintJobStatus.Printing, PrintJobStatus.Paused];

    public IReadOnlyList<PrintJob> Jobs { get; private set; } = [];

    public IReadOnlyList<string> PrinterIds { get; private set; } = [];

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
            return LocalRedirect("/admin/queue?done=" + Uri.EscapeDataString($"Job {jobId} {what}."));
        }
        catch (DomainException ex)
        {
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

        Jobs = [.. all.OrderByDescending(j => j.Express).ThenBy(j => j.ShipBy).ThenBy(j => j.Id, StringComparer.Ordinal)];
        PrinterIds = [.. (await printers.ListWithTelemetryAsync(cancellationToken)).Select(v => v.Printer.Id).Order(StringComparer.Ordinal)];
    }
}
