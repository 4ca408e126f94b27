using MakerShop.Storage.Stores;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MakerShop.Channels.Shopify;

/// <summary>
/// Processes stored Shopify deliveries after they were answered: woken when one is stored, and polling for those stored
/// by another node or left half-done by a stop (a claim older than five minutes is taken again).
/// </summary>
public sealed class ShopifyInboxWorker(
    ChannelDeliveryStore deliveries,
    ShopifyDeliveryProcessor processor,
    DeliveryWork work,
    IOptions<ShopifyOptions> options,
    TimeProvider time,
    ILogger<ShopifyInboxWorker> logger) : BackgroundService
{
    private static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DrainAsync(stoppingToken);
                await work.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                logger.LogError(ex, "The Shopify inbox could not be read; trying again at the next poll");
                await work.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (await deliveries.ClaimNextAsync(time.GetUtcNow(), time.GetUtcNow() - StaleClaim, cancellationToken) is { } delivery)
        {
            ShopifyDeliveryOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(delivery, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug or a broken dependency: the delivery is kept as failed for the owner to replay, and the rest go on.
                logger.LogError(ex, "Shopify webhook {WebhookId} ({Topic}) could not be processed", delivery.WebhookId, delivery.Topic);
                outcome = new ShopifyDeliveryOutcome(ChannelDeliveryState.Failed, "Not processed: the shop hit an error (see the log); replay it once fixed.");
            }

            await deliveries.FinishAsync(delivery.Id, outcome.State, outcome.Outcome, outcome.OrderId, time.GetUtcNow(), CancellationToken.None);
            logger.LogInformation("Shopify webhook {WebhookId} ({Topic}): {State}", delivery.WebhookId, delivery.Topic, outcome.State);
        }
    }
}
