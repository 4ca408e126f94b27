using MakerShop.Core;
using MakerShop.Shipping.Tracking;
using MakerShop.Storage;
using MakerShop.Storage.Stores;
using MakerShop.Web.Notifications;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Applies what a tracker says (from a webhook or a poll) to the shipment and its order in one transaction: the
/// scans join the timeline, the shipment moves by the tracker's own current status, a delivered shipment completes
/// its order. E-mails go out after the commit, once per status change.
/// </summary>
public sealed class ShipmentTracker(SqliteConnectionFactory connections, ShipmentNotifier notifier, TimeProvider time, ILogger<ShipmentTracker> logger)
{
    /// <summary>Applies the notice; when it came from the inbox, marks that entry processed in the same transaction.</summary>
    public async Task<string> ApplyAsync(TrackingNotice notice, bool fromInbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var now = time.GetUtcNow();
        string outcome;
        Order? changedOrder = null;
        Shipment? changedShipment = null;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var shipment = await ShipmentStore.FindForTrackingAsync(session, notice.TrackerId, notice.TrackingNumber, notice.Carrier, cancellationToken);
            if (shipment is null)
            {
                outcome = "unmatched";
                logger.LogWarning("{Provider} event {EventId} is about {Carrier} {TrackingNumber}, which matches no shipment", notice.Provider, notice.EventId, notice.Carrier, notice.TrackingNumber);
            }
            else if (shipment.Status == ShipmentStatus.Draft)
            {
                outcome = "unlabelled";
                logger.LogWarning("{Provider} event {EventId} is about shipment {ShipmentId}, which has no label yet", notice.Provider, notice.EventId, shipment.Id);
            }
            else
            {
                await ShipmentEventStore.AddAsync(session, shipment.Id,
                    notice.Checkpoints.Select(c => new ShipmentEventRecord(notice.Provider, c.RawStatus, c.Message, c.Location, c.AtRaw, c.At, now)), cancellationToken);
                var result = shipment.ApplyTracking(notice.Update, now);
                outcome = result == TrackingApplyResult.StatusChanged ? $"changed to {shipment.Status}" : result.ToString();
                if (result is TrackingApplyResult.StatusChanged or TrackingApplyResult.Recorded)
                {
                    await ShipmentStore.UpdateAsync(session, shipment, cancellationToken);
                }

                if (result == TrackingApplyResult.StatusChanged)
                {
                    var order = await OrderStore.GetAsync(session, shipment.OrderId, cancellationToken)
                        ?? throw new InvalidOperationException($"Shipment {shipment.Id} belongs to order {shipment.OrderId}, which does not exist.");
                    await TimelineStore.AddOrderEventAsync(session, order.Id, $"Shipment{shipment.Status}",
                        $"{notice.Provider}: {notice.Update.RawStatus}{(notice.Update.RawDetail is { } d ? " / " + d : string.Empty)}", now, cancellationToken);
                    if (shipment.Status == ShipmentStatus.Delivered)
                    {
                        await CompleteOrderAsync(session, order, now, cancellationToken);
                    }

                    changedOrder = order;
                    changedShipment = shipment;
                }

                logger.LogInformation("{Provider} event {EventId} for shipment {ShipmentId}: {TrackingStatus} ({RawStatus}) -> {Outcome}",
                    notice.Provider, notice.EventId, shipment.Id, notice.Update.Status, notice.Update.RawStatus, outcome);
            }

            if (fromInbox)
            {
                await WebhookInboxStore.MarkAsync(session, notice.Provider, notice.EventId, outcome, now, cancellationToken);
            }

            await session.CommitAsync(cancellationToken);
        }

        if (changedOrder is not null && changedShipment is not null)
        {
            await notifier.ShipmentChangedAsync(changedOrder, changedShipment, cancellationToken);
        }

        return outcome;
    }

    // A parcel can be delivered before anyone saw it ship (a number typed in late): the order still ends Delivered.
    private static async Task CompleteOrderAsync(DbSession session, Order order, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (order.Status == OrderStatus.Produced)
        {
            order.MarkShipped(at);
        }

        if (order.CanTransitionTo(OrderStatus.Delivered))
        {
            order.MarkDelivered(at);
            await OrderStore.UpdateStatusAsync(session, order, cancellationToken);
            await TimelineStore.AddOrderEventAsync(session, order.Id, "Delivered", "the carrier delivered the parcel", at, cancellationToken);
        }
    }
}
