using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Webhooks;

/// <summary>One endpoint's delivery log (newest first), with "send again" on each delivery.</summary>
public sealed class LogModel(
    WebhookEndpointStore endpoints, WebhookDeliveryStore deliveries, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public WebhookEndpoint Endpoint { get; private set; } = null!;

    public IReadOnlyList<DeliveryLogEntry> Entries { get; private set; } = [];

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, bool resent, CancellationToken cancellationToken)
    {
        if (await endpoints.GetAsync(id, cancellationToken) is not { } endpoint)
        {
            return NotFound();
        }

        Endpoint = endpoint;
        Entries = await deliveries.LogAsync(id, 100, cancellationToken);
        Message = resent ? text["Whk.Resent"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostSendAgainAsync(string id, long delivery, CancellationToken cancellationToken)
    {
        if (await endpoints.GetAsync(id, cancellationToken) is null || !await deliveries.SendAgainAsync(id, delivery, time.GetUtcNow(), cancellationToken))
        {
            return NotFound();
        }

        await audit.RecordAsync(HttpContext, "WebhookSentAgain", id, delivery.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return LocalRedirect($"/admin/webhooks/{Uri.EscapeDataString(id)}?resent=true");
    }
}
