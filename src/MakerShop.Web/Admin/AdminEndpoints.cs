using MakerShop.Core;
using MakerShop.Web.Accounts;
using MakerShop.Web.Admin.Orders;
using MakerShop.Web.Admin.Queue;
using MakerShop.Web.Materials;
using MakerShop.Web.Settings;

namespace MakerShop.Web.Admin;

/// <summary>
/// The owner's actions as an API (a signed-in owner or the owner's key): cancel and refund orders, reorder, cancel and
/// requeue jobs, spools and settings. The admin pages call the same services; every change is in the audit log.
/// </summary>
public static class AdminEndpoints
{
    public sealed record PaidOutRequest(string? Note);

    public sealed record PriorityRequest(int? Priority, string? Move);

    public sealed record SpoolRequest(string? Material, string? Colour, string? Brand, double? GramsAtStart, string? PrinterId);

    public sealed record SpoolChangeRequest(double? GramsLeft, string? PrinterId);

    public sealed record SettingsRequest(string? ShopName, string? ContactEmail, double? LowStockGrams, int? LeadTimeDays, int? ExpressLeadTimeDays);

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(AccountsSetup.OwnerPolicy);

        admin.MapPost("/orders/{id}/cancel", (string id, HttpContext context, OrderCancellationService service, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "OrderCancel", id, async () =>
            {
                var outcome = await service.CancelAsync(id, ct);
                if (outcome.Changed)
                {
                    await audit.RecordAsync(context, "OrderCancelled", id, $"{outcome.JobsCancelled} job(s) cancelled, {outcome.PrintersStopped} printer(s) stopped");
                }

                return Results.Ok(new { orderId = id, outcome.Changed, outcome.JobsCancelled, outcome.PrintersStopped });
            })).WithName("CancelOrder");

        admin.MapPost("/orders/{id}/refund", (string id, HttpContext context, RefundService service, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "OrderRefund", id, async () =>
            {
                var summary = await service.RefundAsync(id, ct);
                if (summary.Cancellation is { Changed: true } cancelled)
                {
                    await audit.RecordAsync(context, "OrderCancelled", id, $"for the refund: {cancelled.JobsCancelled} job(s) cancelled, {cancelled.PrintersStopped} printer(s) stopped");
                }

                await audit.RecordAsync(context, "OrderRefunded", id, Describe(summary));
                // What was done is stored either way; a refusal or a provider that did not answer is the owner's to see.
                return summary.Problems.Count == 0
                    ? Results.Ok(Present(id, summary))
                    : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The refund is not complete.", detail: string.Join(" ", summary.Problems),
                        extensions: new Dictionary<string, object?> { ["order"] = Present(id, summary) });
            })).WithName("RefundOrder");

        admin.MapPost("/orders/{id}/refunds/{refundId}/paid-out", (string id, string refundId, PaidOutRequest? body, HttpContext context, RefundService service, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "RefundPaidOut", refundId, async () =>
            {
                var summary = await service.MarkPaidOutAsync(id, refundId, body?.Note ?? "", ct);
                await audit.RecordAsync(context, "RefundPaidOut", refundId, $"order {id}: {body?.Note}");
                return Results.Ok(Present(id, summary));
            })).WithName("MarkRefundPaidOut");

        admin.MapPost("/jobs/{id}/priority", (string id, PriorityRequest? body, HttpContext context, QueueActions queue, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "JobReprioritise", id, async () =>
            {
                string message;
                if (body?.Move is { } move)
                {
                    if (!Enum.TryParse<QueueMove>(move, ignoreCase: true, out var direction) || !Enum.IsDefined(direction))
                    {
                        throw new DomainValidationException("move", $"'{move}' is not up or down.");
                    }

                    message = await queue.MoveAsync(id, direction, ct);
                }
                else
                {
                    message = await queue.SetPriorityAsync(id, body?.Priority ?? throw new DomainValidationException("priority", "Give a priority, or a move (up or down)."), ct);
                }

                await audit.RecordAsync(context, "JobReprioritised", id, message);
                return Results.Ok(new { jobId = id, message });
            })).WithName("SetJobPriority");

        admin.MapPost("/jobs/{id}/cancel", (string id, HttpContext context, QueueActions queue, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "JobCancel", id, async () =>
            {
                var message = await queue.CancelWaitingAsync(id, ct);
                await audit.RecordAsync(context, "JobCancelled", id, message);
                return Results.Ok(new { jobId = id, message });
            })).WithName("CancelJob");

        admin.MapPost("/jobs/{id}/requeue", (string id, HttpContext context, QueueActions queue, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "JobRequeue", id, async () =>
            {
                var message = await queue.RequeueAsync(id, ct);
                await audit.RecordAsync(context, "JobRequeued", id, message);
                return Results.Ok(new { jobId = id, message });
            })).WithName("RequeueJob");

        admin.MapGet("/spools", async (SpoolInventory spools, CancellationToken ct) => Results.Ok(await spools.OverviewAsync(ct))).WithName("ListSpools");

        admin.MapPost("/spools", (SpoolRequest? body, HttpContext context, SpoolInventory spools, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "SpoolAdd", null, async () =>
            {
                var spool = await spools.AddAsync(body?.Material, body?.Colour, body?.Brand, body?.GramsAtStart, body?.PrinterId, ct);
                await audit.RecordAsync(context, "SpoolAdded", spool.Id, $"{spool.Brand} {spool.Material} {spool.Colour}, {spool.GramsAtStart} g, on {spool.PrinterId ?? "the shelf"}");
                return Results.Created($"/api/admin/spools/{spool.Id}", spool);
            })).WithName("AddSpool");

        admin.MapPut("/spools/{id}", (string id, SpoolChangeRequest? body, HttpContext context, SpoolInventory spools, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "SpoolChange", id, async () =>
            {
                var spool = await spools.ChangeAsync(id, body?.GramsLeft, body?.PrinterId, ct);
                await audit.RecordAsync(context, "SpoolChanged", id, $"{spool.GramsLeft} g left, on {spool.PrinterId ?? "the shelf"}");
                return Results.Ok(spool);
            })).WithName("ChangeSpool");

        admin.MapGet("/settings", async (ShopSettingsService settings, CancellationToken ct) => Results.Ok(await settings.CurrentAsync(ct))).WithName("GetSettings");

        admin.MapPut("/settings", (SettingsRequest? body, HttpContext context, ShopSettingsService settings, AuditTrail audit, CancellationToken ct) =>
            AdminProblems.RunAsync(context, audit, "SettingsChange", "shop", async () =>
            {
                var current = await settings.CurrentAsync(ct);
                var wanted = new ShopSettings(
                    body?.ShopName ?? current.ShopName,
                    body?.ContactEmail ?? current.ContactEmail,
                    body?.LowStockGrams ?? current.LowStockGrams,
                    body?.LeadTimeDays ?? current.LeadTimeDays,
                    body?.ExpressLeadTimeDays ?? current.ExpressLeadTimeDays);
                var problems = wanted.Problems();
                if (problems.Count > 0)
                {
                    await audit.RecordAsync(context, "SettingsChangeRefused", "shop", string.Join("; ", problems.Select(p => $"{p.Key}: {p.Value}")));
                    return Results.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }));
                }

                var saved = await settings.SaveAsync(wanted, ct);
                await audit.RecordAsync(context, "SettingsChanged", "shop", SettingsDiff.Describe(current, saved));
                return Results.Ok(saved);
            })).WithName("SaveSettings");

        return app;
    }

    private static object Present(string orderId, RefundSummary summary) => new
    {
        orderId,
        status = summary.OrderStatus.ToString(),
        refunds = summary.Refunds.Select(r => new { r.Id, r.Provider, amount = r.Amount.ToString(), status = r.Status.ToString(), r.ProviderReference, r.Note }),
        problems = summary.Problems,
    };

    private static string Describe(RefundSummary summary) =>
        $"order {summary.OrderStatus}; " + string.Join(", ", summary.Refunds.Select(r => $"{r.Amount} via {r.Provider}: {r.Status}"))
        + (summary.Problems.Count > 0 ? "; problems: " + string.Join("; ", summary.Problems) : "");
}
