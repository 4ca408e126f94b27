using MakerShop.Core;
using MakerShop.Storage.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// Sends the fulfilments owed to Shopify from the outbox: woken when a Shopify order's shipment gets its tracking number,
/// polling for the rest. Each is leased while it is sent; one Shopify did not accept is retried with back-off (or after
/// Shopify's own Retry-After) until it does, with the last reason kept for the owner.
/// </summary>
public sealed class ShopifyFulfilmentSender(
    ChannelFulfilmentStore fulfilments,
    ChannelConnectionStore connections,
    ChannelOrderStore channelOrders,
    ShopifyAdminClient client,
    FulfilmentWork work,
    IOptions<ShopifyOptions> options,
    TimeProvider time,
    ILogger<ShopifyFulfilmentSender> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                await work.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                logger.LogError(ex, "The Shopify fulfilment outbox could not be read; trying again at the next poll");
                await work.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    public async Task SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        foreach (var due in await fulfilments.TakeDueAsync(now, now + Lease, 20, cancellationToken))
        {
            if (due.Channel != SalesChannels.Shopify)
            {
                continue;
            }

            var result = await SendAsync(due, cancellationToken);
            var at = time.GetUtcNow();
            if (result is ShopifyFulfilmentResult.Accepted accepted)
            {
                await fulfilments.MarkSentAsync(due.Id, accepted.FulfilmentId, at, CancellationToken.None);
                logger.LogInformation("Shopify accepted the fulfilment of order {OrderId} (shipment {ShipmentId}) after {Attempts} attempt(s)", due.OrderId, due.ShipmentId, due.Attempts);
                continue;
            }

            var notYet = (ShopifyFulfilmentResult.NotYet)result;
            var wait = notYet.RetryAfter ?? RetryBackoff.Delay(due.Attempts, options.Value.RetryFirstDelay, options.Value.RetryMaxDelay);
            await fulfilments.ScheduleRetryAsync(due.Id, notYet.Reason, at + wait, at, CancellationToken.None);
            logger.LogWarning("Shopify did not accept the fulfilment of order {OrderId} (attempt {Attempts}): {Reason}; retrying in {Wait}", due.OrderId, due.Attempts, notYet.Reason, wait);
        }
    }

    private async Task<ShopifyFulfilmentResult> SendAsync(ChannelFulfilment due, CancellationToken cancellationToken)
    {
        var connection = await connections.GetAsync(SalesChannels.Shopify, cancellationToken);
        if (connection is null || connection.AccessToken.Length == 0)
        {
            return new ShopifyFulfilmentResult.NotYet("No Shopify store is connected with an access token.");
        }

        var link = await channelOrders.GetByOrderAsync(due.OrderId, cancellationToken);
        if (link is null)
        {
            return new ShopifyFulfilmentResult.NotYet("The order is not linked to a Shopify order.");
        }

        var tracking = new ShopifyTracking(ShopifyCarriers.NameOf(due.Carrier), due.TrackingNumber, due.TrackingUrl);
        return await client.FulfilAsync(connection, link.ExternalId, tracking, cancellationToken);
    }
}
