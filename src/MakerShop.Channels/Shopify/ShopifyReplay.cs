using MakerShop.Storage.Stores;
using Microsoft.Extensions.Logging;

namespace MakerShop.Channels.Shopify;

/// <summary>The owner replays a held or failed delivery (after fixing a SKU, say): it goes back in line and is processed again.</summary>
public sealed class ShopifyReplay(ChannelDeliveryStore deliveries, DeliveryWork work, ILogger<ShopifyReplay> logger)
{
    public async Task<bool> ReplayAsync(long deliveryId, CancellationToken cancellationToken = default)
    {
        if (!await deliveries.RequeueAsync(deliveryId, cancellationToken))
        {
            return false;
        }

        logger.LogInformation("Shopify delivery {DeliveryId} replayed by the owner", deliveryId);
        work.Wake();
        return true;
    }
}
