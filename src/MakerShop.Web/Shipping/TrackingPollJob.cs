using MakerShop.Shipping.Carriers;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Options;
using Quartz;

namespace MakerShop.Web.Shipping;

/// <summary>
/// Polls the trackers of providers whose webhooks are not set up, and finishes inbox events that were stored but
/// not processed (the host stopped in between).
/// </summary>
[DisallowConcurrentExecution]
public sealed class TrackingPollJob(
    ShipmentStore shipments,
    WebhookInboxStore inbox,
    TrackingIntake intake,
    ShipmentTracker tracker,
    IEnumerable<ICarrierGateway> gateways,
    IOptions<ShippingOptions> options,
    TimeProvider time,
    ILogger<TrackingPollJob> logger) : IJob
{
    public static readonly JobKey Key = new("tracking-poll", "shipping");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entry in await inbox.ListUnprocessedAsync(time.GetUtcNow().AddMinutes(-1), 100, cancellationToken))
        {
            var outcome = await intake.ReplayAsync(entry, cancellationToken);
            logger.LogInformation("Replayed {Provider} inbox event {EventId}: {Outcome}", entry.Provider, entry.EventId, outcome);
        }

        var polled = new List<string>();
        if (options.Value.EasyPost.PollTrackers)
        {
            polled.Add("easypost");
        }

        if (options.Value.Shippo.PollTrackers)
        {
            polled.Add("shippo");
        }

        if (polled.Count == 0)
        {
            return;
        }

        foreach (var shipment in await shipments.ListInFlightAsync(polled, 200, cancellationToken))
        {
            var label = shipment.Label!;
            var gateway = gateways.FirstOrDefault(g => g.Provider == label.Provider);
            if (gateway is null)
            {
                continue;
            }

            try
            {
                if (await gateway.PollAsync(label.Carrier, label.TrackingNumber, label.ProviderTrackerId, cancellationToken) is { } notice)
                {
                    await tracker.ApplyAsync(notice, fromInbox: false, cancellationToken);
                }
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Polling {Provider} for shipment {ShipmentId} failed: {Error}", label.Provider, shipment.Id, ex.Message);
            }

            await shipments.MarkPolledAsync(shipment.Id, time.GetUtcNow(), cancellationToken);
        }
    }
}
