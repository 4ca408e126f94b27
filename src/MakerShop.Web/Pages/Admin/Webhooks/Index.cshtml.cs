using MakerShop.Core;
using MakerShop.Notifications.Outbound;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using MakerShop.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin.Webhooks;

/// <summary>The owner's webhook endpoints: add one (its secret is shown once, here), see them, remove one.</summary>
public sealed class IndexModel(
    WebhookEndpointStore endpoints, OutboundUrl urls, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<WebhookEndpoint> Endpoints { get; private set; } = [];

    /// <summary>The endpoint just made, with its secret in full: the only time it is shown.</summary>
    public WebhookEndpoint? Created { get; private set; }

    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();

    public string TypedUrl { get; private set; } = "";

    public string TypedDescription { get; private set; } = "";

    public IReadOnlyList<string> TypedEvents { get; private set; } = [.. WebhookEvents.All.Select(WebhookEvents.WireName)];

    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        Endpoints = await endpoints.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAddAsync(string? url, string? description, string[]? events, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        Uri? checkedUrl = null;
        IReadOnlyList<ShopEventType> chosen = [];
        try
        {
            checkedUrl = await urls.CheckAsync("url", url, cancellationToken);
        }
        catch (DomainValidationException ex)
        {
            problems["url"] = ProblemText.For(text, "Webhook", ex.Field, ex.Message);
        }

        try
        {
            chosen = WebhookEvents.ParseList(events);
        }
        catch (DomainValidationException)
        {
            problems["events"] = text["Whk.Problem.Events"];
        }

        var note = description?.Trim();
        if (note is { Length: > 200 })
        {
            problems["description"] = text["Whk.Problem.Description"];
        }

        if (problems.Count > 0 || checkedUrl is null)
        {
            (Problems, TypedUrl, TypedDescription, TypedEvents) = (problems, url ?? "", description ?? "", events ?? []);
            Endpoints = await endpoints.ListAsync(cancellationToken);
            return Page();
        }

        var endpoint = new WebhookEndpoint("whe_" + Guid.NewGuid().ToString("N")[..16], checkedUrl, string.IsNullOrEmpty(note) ? null : note, chosen,
            WebhookSecret.Create(), time.GetUtcNow());
        await endpoints.AddAsync(endpoint, cancellationToken);
        await audit.RecordAsync(HttpContext, "WebhookEndpointAdded", endpoint.Id, $"{endpoint.Url.Host}: {string.Join(",", chosen.Select(WebhookEvents.WireName))}");
        Created = endpoint;
        Endpoints = await endpoints.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            return LocalRedirect("/admin/webhooks?done=" + Uri.EscapeDataString(text["Whk.TickToRemove"]));
        }

        if (id is not null && await endpoints.GetAsync(id, cancellationToken) is { } endpoint && await endpoints.RemoveAsync(id, cancellationToken))
        {
            await audit.RecordAsync(HttpContext, "WebhookEndpointRemoved", endpoint.Id, endpoint.Url.Host);
        }

        return LocalRedirect("/admin/webhooks?done=" + Uri.EscapeDataString(text["Whk.Removed"]));
    }
}
