using System.Text.Json;
using MakerShop.Channels;
using MakerShop.Channels.Shopify;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using MakerShop.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace MakerShop.Web.Pages.Admin;

/// <summary>
/// Sales channels: the owner connects the Shopify store (domain, webhook secret, Admin API token, the secrets shown
/// masked only), sees the last deliveries with what became of them and the fulfilments sent back, and replays a
/// delivery that was held or failed.
/// </summary>
public sealed class ChannelsModel(
    ChannelConnectionStore connections,
    ChannelDeliveryStore deliveries,
    ChannelFulfilmentStore fulfilments,
    ShopifyReplay replay,
    AuditTrail audit,
    TimeProvider time,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const int Shown = 20;

    public ChannelConnection? Shopify { get; private set; }

    public IReadOnlyList<DeliveryRow> Deliveries { get; private set; } = [];

    public IReadOnlyList<ChannelFulfilment> Fulfilments { get; private set; } = [];

    public string WebhookUrl => $"{Request.Scheme}://{Request.Host}{ShopifyWebhookEndpoints.Path}";

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        Message = done;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostConnectAsync(string? shopDomain, string? webhookSecret, string? accessToken, CancellationToken cancellationToken)
    {
        try
        {
            var domain = ShopifyShopDomain.Normalise(shopDomain);
            var existing = await connections.GetAsync(SalesChannels.Shopify, cancellationToken);
            if (existing is null && (string.IsNullOrWhiteSpace(webhookSecret) || string.IsNullOrWhiteSpace(accessToken)))
            {
                throw new DomainValidationException("webhookSecret", text["Chan.NeedBoth"]);
            }

            await connections.SaveAsync(SalesChannels.Shopify, domain, webhookSecret, accessToken, time.GetUtcNow(), cancellationToken);
            await audit.RecordAsync(HttpContext, "ChannelConnected", SalesChannels.Shopify,
                $"{domain}; webhook secret {(string.IsNullOrWhiteSpace(webhookSecret) ? "kept" : "changed")}, access token {(string.IsNullOrWhiteSpace(accessToken) ? "kept" : "changed")}");
            return LocalRedirect("/admin/channels?done=" + Uri.EscapeDataString(text["Chan.Connected", domain]));
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDisconnectAsync(bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            Error = text["Chan.DisconnectTickFirst"];
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (await connections.DisconnectAsync(SalesChannels.Shopify, cancellationToken))
        {
            await audit.RecordAsync(HttpContext, "ChannelDisconnected", SalesChannels.Shopify, "webhooks refused from now on");
        }

        return LocalRedirect("/admin/channels?done=" + Uri.EscapeDataString(text["Chan.Disconnected"]));
    }

    public async Task<IActionResult> OnPostReplayAsync(long deliveryId, CancellationToken cancellationToken)
    {
        var replayed = await replay.ReplayAsync(deliveryId, cancellationToken);
        if (replayed)
        {
            await audit.RecordAsync(HttpContext, "ChannelDeliveryReplayed", deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture), SalesChannels.Shopify);
        }

        return LocalRedirect("/admin/channels?done=" + Uri.EscapeDataString(text[replayed ? "Chan.Replayed" : "Chan.NotReplayed"]));
    }

    /// <summary>A secret as the page shows it: its last four characters only.</summary>
    public static string Masked(string? secret) =>
        string.IsNullOrEmpty(secret) ? "—" : secret.Length < 10 ? "••••" : "••••" + secret[^4..];

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Shopify = await connections.GetAsync(SalesChannels.Shopify, cancellationToken);
        Deliveries = [.. (await deliveries.ListRecentAsync(SalesChannels.Shopify, Shown, cancellationToken)).Select(d => new DeliveryRow(d, OrderNameOf(d.Body)))];
        Fulfilments = await fulfilments.ListRecentAsync(SalesChannels.Shopify, Shown, cancellationToken);
    }

    private static string? OrderNameOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                ? name.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A delivery with the Shopify order name read from its body ("#1001").</summary>
    public sealed record DeliveryRow(ChannelDelivery Delivery, string? OrderName);
}
