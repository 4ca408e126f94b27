using System.Text.Json;
using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// Acts on one stored Shopify delivery. orders/create (and orders/updated for an order the shop does not have yet) places
/// a paid order through the shop's intake, idempotent on Shopify's order id; an unmapped SKU or an unpaid order holds it
/// with the reason in words; orders/cancelled (or an update that carries a cancel) cancels as the owner would.
/// </summary>
public sealed class ShopifyDeliveryProcessor(
    IChannelOrderIntake intake,
    ChannelOrderStore channelOrders,
    ProductStore products,
    IOptions<ShopifyOptions> options,
    ILogger<ShopifyDeliveryProcessor> logger)
{
    public async Task<ShopifyDeliveryOutcome> ProcessAsync(ChannelDelivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ShopifyOrderPayload payload;
        try
        {
            payload = ShopifyOrderPayload.Parse(delivery.Body);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Shopify webhook {WebhookId} is not an order payload: {Error}", delivery.WebhookId, ex.Message);
            return new ShopifyDeliveryOutcome(ChannelDeliveryState.Failed, $"Not a readable Shopify order: {ex.Message}");
        }

        var existing = payload.Id > 0 ? await channelOrders.FindAsync(SalesChannels.Shopify, payload.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken) : null;
        var cancelled = delivery.Topic == ShopifyTopics.OrdersCancelled || payload.CancelledAt is not null;
        if (cancelled)
        {
            if (existing is null)
            {
                return new ShopifyDeliveryOutcome(ChannelDeliveryState.Processed, $"Cancelled in Shopify; the shop has no order for {payload.Name}, so nothing to cancel.");
            }

            var cancellation = await intake.CancelAsync(existing.OrderId, $"cancelled in Shopify ({payload.Name}, {payload.CancelReason ?? "no reason given"})", cancellationToken);
            return new ShopifyDeliveryOutcome(ChannelDeliveryState.Processed, cancellation.Outcome, existing.OrderId);
        }

        if (existing is not null)
        {
            return new ShopifyDeliveryOutcome(ChannelDeliveryState.Processed,
                delivery.Topic == ShopifyTopics.OrdersCreate ? $"{payload.Name} was already placed; nothing changes." : $"{payload.Name} updated in Shopify; nothing the shop prints changes.",
                existing.OrderId);
        }

        if (!string.Equals(payload.FinancialStatus, "paid", StringComparison.OrdinalIgnoreCase))
        {
            // Only money the channel took counts as paid; Shopify sends orders/updated once it is.
            return new ShopifyDeliveryOutcome(ChannelDeliveryState.Held,
                $"{payload.Name} is not paid in Shopify yet (financial status '{payload.FinancialStatus}'); it is placed when Shopify reports it paid.");
        }

        var rule = new SkuRule(
            options.Value.Skus.ToDictionary(s => s.Key, s => new SkuTarget(s.Value.Product, s.Value.Material, s.Value.Colour), StringComparer.OrdinalIgnoreCase),
            options.Value.SkuSeparator);
        var catalog = await products.ListAsync(cancellationToken);
        switch (ShopifyOrderTranslator.Translate(payload, rule, catalog))
        {
            case ShopifyOrderTranslation.Held held:
                logger.LogWarning("Shopify order {ExternalNumber} is on hold: {UnmappedCount} SKU(s) map to nothing", payload.Name, held.Unmapped.Count);
                return new ShopifyDeliveryOutcome(ChannelDeliveryState.Held, held.Message);
            case ShopifyOrderTranslation.Invalid invalid:
                return new ShopifyDeliveryOutcome(ChannelDeliveryState.Failed, $"Not placed: {invalid.Reason}.");
            case ShopifyOrderTranslation.Ready ready:
                try
                {
                    var placement = await intake.PlaceAsync(ready.Order, cancellationToken);
                    var what = $"order {placement.OrderNumber}";
                    return new ShopifyDeliveryOutcome(ChannelDeliveryState.Processed,
                        placement.Created ? $"{payload.Name} placed as {what}, paid in Shopify." : $"{payload.Name} was already placed as {what}; nothing changes.",
                        placement.OrderId);
                }
                catch (DomainException ex)
                {
                    logger.LogWarning("Shopify order {ExternalNumber} was refused by the shop's rules: {Reason}", payload.Name, ex.Message);
                    return new ShopifyDeliveryOutcome(ChannelDeliveryState.Failed, $"Not placed: {ex.Message}");
                }

            default:
                throw new InvalidOperationException("Unhandled translation.");
        }
    }
}
