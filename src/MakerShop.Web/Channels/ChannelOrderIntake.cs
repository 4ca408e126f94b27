using MakerShop.Channels;
using MakerShop.Core;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Admin.Orders;
using MakerShop.Web.Options;
using MakerShop.Web.Production;
using MakerShop.Web.Settings;
using Microsoft.Extensions.Options;

namespace MakerShop.Web.Channels;

/// <summary>
/// Channel orders enter the shop here, the same way storefront orders do: the order, its link to the channel, its
/// payment (taken by the channel, so confirmed money) and its print jobs are stored in one transaction, then the
/// dispatcher is woken. The channel's order id is unique, so a second delivery of one order finds the first.
/// </summary>
public sealed class ChannelOrderIntake(
    SqliteConnectionFactory connections,
    ChannelOrderStore channelOrders,
    ProductionRelease release,
    OrderCancellationService cancellation,
    ShopSettingsService settings,
    OrderNumbers numbers,
    IDispatchTrigger dispatch,
    IOptions<OrderLimitsOptions> limitOptions,
    TimeProvider time,
    ILogger<ChannelOrderIntake> logger) : IChannelOrderIntake
{
    public async Task<ChannelPlacement> PlaceAsync(ChannelOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (await ExistingAsync(order, cancellationToken) is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var current = await settings.CurrentAsync(cancellationToken);
        var lines = order.Lines.Select(l => new OrderLine(l.Product.Id, l.Product.Name, l.Material, l.Colour, l.Quantity, l.UnitPrice)).ToList();
        var placed = Order.Place(Ids.NewOrderId(), order.CustomerName, order.CustomerEmail, order.ShippingAddress, order.Currency, lines,
            express: false, now, now.AddDays(current.LeadTimeDays), limits: limitOptions.Value.ToLimits());
        placed.MarkPaid(now);
        var jobs = await release.JobsForAsync(placed, now, cancellationToken);
        var reference = order.Reference;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await OrderStore.InsertAsync(session, placed, null, "", numbers.FirstNumber, cancellationToken);
            if (!await ChannelOrderStore.TryInsertAsync(session, placed.Id, order, now, cancellationToken))
            {
                // Another node placed this channel order meanwhile: this transaction is dropped and theirs stands.
                return await ExistingAsync(order, cancellationToken)
                    ?? throw new InvalidOperationException($"{reference.Channel} order {reference.ExternalId} conflicted but no link was found.");
            }

            await TimelineStore.AddOrderEventAsync(session, placed.Id, "Placed", $"{reference.Channel} {reference.ExternalNumber}: {placed.UnitCount} unit(s)", now, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, placed.Id, "Paid",
                $"paid in {reference.Channel}: {order.Amounts.Total} (goods {order.Amounts.Subtotal}, shipping {order.Amounts.Shipping}, tax {order.Amounts.Tax})", now, cancellationToken);
            foreach (var job in jobs)
            {
                await PrintJobStore.InsertAsync(session, job, cancellationToken);
                await TimelineStore.AddJobEventAsync(session, job.Id, null, "Queued", $"unit {job.UnitIndex + 1}, attempt {job.Attempt}", now, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        logger.LogInformation("{Channel} order {ExternalNumber} placed as order {OrderId} with {JobCount} print job(s)", reference.Channel, reference.ExternalNumber, placed.Id, jobs.Count);
        await dispatch.RequestDispatchAsync(CancellationToken.None);
        return new ChannelPlacement(placed.Id, numbers.Format(placed), Created: true);
    }

    public async Task<ChannelCancellation> CancelAsync(string orderId, string reason, CancellationToken cancellationToken = default)
    {
        try
        {
            var outcome = await cancellation.CancelAsync(orderId, cancellationToken);
            logger.LogInformation("Order {OrderId} {Reason}", orderId, reason);
            return outcome.Changed
                ? new ChannelCancellation(true, $"Order cancelled ({reason}): {outcome.JobsCancelled} print job(s) cancelled, {outcome.PrintersStopped} printer(s) told to stop.")
                : new ChannelCancellation(false, $"The order was already cancelled ({reason}).");
        }
        catch (InvalidTransitionException ex)
        {
            return new ChannelCancellation(false, $"Not cancelled ({reason}): {ex.Message}");
        }
    }

    private async Task<ChannelPlacement?> ExistingAsync(ChannelOrder order, CancellationToken cancellationToken)
    {
        var link = await channelOrders.FindAsync(order.Reference.Channel, order.Reference.ExternalId, cancellationToken);
        if (link is null)
        {
            return null;
        }

        var number = await OrderStoreNumberAsync(link.OrderId, cancellationToken);
        return new ChannelPlacement(link.OrderId, number, Created: false);
    }

    private async Task<string> OrderStoreNumberAsync(string orderId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var stored = await OrderStore.GetAsync(session, orderId, cancellationToken);
        return stored is null ? orderId : numbers.Format(stored);
    }
}
